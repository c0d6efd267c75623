import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restrictedImportErrors(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages.filter((m) => m.ruleId === 'no-restricted-imports').length ?? -1;
}

describe('import boundaries (eslint no-restricted-imports)', () => {
  it.each([
    'main/tray/x.ts',
    'main/ipc/x.ts',
    'main/security/x.ts',
    'common/x.ts',
    'core/x.ts',
    'core/api/x.ts',
    'cli/x.ts',
    'test/unit/x.ts',
  ])('refuses electron in %s', async (file) => {
    expect(await restrictedImportErrors(file, "import { app } from 'electron';\nexport const a = app;\n")).toBe(1);
    expect(await restrictedImportErrors(file, "import { x } from 'electron/main';\nexport const a = x;\n")).toBe(1);
  });

  it.each(['main/index.ts', 'main/electron/tray.ts', 'preload/index.ts'])('allows electron in %s', async (file) => {
    expect(await restrictedImportErrors(file, "import { app } from 'electron';\nexport const a = app;\n")).toBe(0);
  });

  it.each(['cli/x.ts', 'core/x.ts', 'core/api/x.ts'])('keeps the main process out of %s (the shared core and the CLI)', async (file) => {
    const depth = file.split('/').length - 1;
    const up = '../'.repeat(depth);
    expect(await restrictedImportErrors(file, `import { createApp } from '${up}main/app.js';\nexport const a = createApp;\n`)).toBe(1);
    expect(await restrictedImportErrors(file, `import { x } from '${up}core/api/client.js';\nexport const a = x;\n`)).toBe(0);
    expect(await restrictedImportErrors(file, `import { en } from '${up}common/i18n/en.js';\nexport const a = en;\n`)).toBe(0);
  });

  it('keeps Node and main-process code out of the renderer', async () => {
    expect(await restrictedImportErrors('renderer/src/x.ts', "import { readFile } from 'node:fs';\nexport const a = readFile;\n")).toBe(1);
    expect(
      await restrictedImportErrors('renderer/src/x.ts', "import { handle } from '../../main/ipc/handle.js';\nexport const a = handle;\n"),
    ).toBe(1);
  });

  it('keeps the catalogues out of the renderer: its words come from main, their keys are types', async () => {
    for (const file of ['en', 'zh-CN', 'index']) {
      const from = `'../../common/i18n/${file}.js'`;
      expect(await restrictedImportErrors('renderer/src/x.ts', `import { translator } from ${from};\nexport const a = translator;\n`)).toBe(
        1,
      );
      expect(
        await restrictedImportErrors('renderer/src/x.ts', `import type { MessageKey } from ${from};\nexport type A = MessageKey;\n`),
      ).toBe(0);
    }
    expect(
      await restrictedImportErrors(
        'renderer/src/x.ts',
        "import { translate } from '../../common/i18n/translate.js';\nexport const a = translate;\n",
      ),
    ).toBe(0);
  });
});
