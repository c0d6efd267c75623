import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The shape the code keeps as features are added (docs/architecture.md, "Features"): the app's composition
// stays small (a feature is a module of main/features/, not edits to main/app.ts), the composition root a flat
// list of steps, and no function of the main process grows into a file of its own.

const root = new URL('../..', import.meta.url).pathname;
const lines = (file: string) => readFileSync(join(root, file), 'utf8').split('\n').length;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Every function of a file longer than `max` lines: its name and length. */
function longFunctions(file: string, max: number): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const length = source.getLineAndCharacterOfPosition(node.getEnd()).line - start + 1;
      const name = (node as { name?: ts.Node }).name?.getText(source) ?? `(line ${start + 1})`;
      if (length > max) found.push(`${relative(root, join(root, file))} ${name}: ${length} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the shape of the main process', () => {
  it('main/app.ts merges the features in at most 300 lines; main/index.ts is at most 250', () => {
    expect(lines('main/app.ts')).toBeLessThanOrEqual(300);
    expect(lines('main/index.ts')).toBeLessThanOrEqual(250);
  });

  it('no function in main/ is longer than 150 lines', () => {
    expect(sources('main').flatMap((file) => longFunctions(file, 150))).toEqual([]);
  });

  it('the check finds a long function (it would catch one)', () => {
    expect(longFunctions('test/unit/code-shape.test.ts', 10)).toContainEqual(
      expect.stringMatching(/^test\/unit\/code-shape.test.ts longFunctions: \d+ lines$/),
    );
  });
});
