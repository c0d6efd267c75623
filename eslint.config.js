import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const electronOnlyThere = {
  name: 'electron',
  message: 'Only main/index.ts, main/electron/** and preload/** may import Electron; pass a small interface instead.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Electron stays at the edges so the rest runs and is tested under plain Node.
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyThere], patterns: [{ group: ['electron/*'], message: electronOnlyThere.message }] },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['main/index.ts', 'main/electron/**', 'preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The shared core (what the app and `umeet` both run) and the CLI: plain Node, never the Electron main
    // process's code. main/ and cli/ import core/; core/ imports common/ and npm packages only.
    files: ['core/**', 'cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyThere],
          patterns: [
            { group: ['electron/*'], message: electronOnlyThere.message },
            {
              group: ['**/main/**'],
              message: 'core/ and cli/ do not import main/ (the Electron main process); move what both need to core/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The window reaches main through window.umeet only: no Node, no Electron, no main-process code.
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyThere],
          patterns: [
            { group: ['electron/*', 'node:*'], message: 'The renderer has no Node or Electron; ask main over IPC.' },
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer may import common/ only.' },
            {
              group: ['zod', 'zod/*', '@hookform/resolvers', '@hookform/resolvers/*'],
              allowTypeImports: true,
              message: 'The window runs no zod: main checks its forms (renderer/src/form-check.ts); import types only.',
            },
            {
              group: ['**/common/i18n/en.js', '**/common/i18n/zh-CN.js', '**/common/i18n/index.js'],
              allowTypeImports: true,
              message: 'The window gets its words from main (the messages channel); import their types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/unit/**/*.ts'],
    ignores: ['test/unit/support/wait.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='vi'][callee.property.name='waitFor']",
          message: "vi.waitFor gives up after one second, which a loaded machine exceeds: use waitFor from './support/wait.js'.",
        },
      ],
    },
  },
);
