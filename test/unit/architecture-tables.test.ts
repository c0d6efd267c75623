import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { Command } from '../../common/commands.js';
import { contract } from '../../common/ipc-contract.js';

// docs/architecture.md is where a newcomer learns what the app can be asked and what it is given. Its tables
// are summaries of the code's definitions (the Command union, the IPC contract, AppPorts): this test fails when
// one of those gains a member the page does not name, so the page cannot fall behind the code unseen.

const root = new URL('../..', import.meta.url).pathname;
const page = readFileSync(join(root, 'docs/architecture.md'), 'utf8');

/** The rows of the first table under a heading: each row's cells, without the header and the rule. */
function tableUnder(heading: string, after?: string): string[][] {
  const start = page.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`docs/architecture.md has no heading "${heading}"`);
  const from = after ? page.indexOf(after, start) : start;
  if (from < 0) throw new Error(`no "${after}" under "${heading}"`);
  const lines = page.slice(from).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows.slice(2);
}

/** The `code` names in a cell. */
const named = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

/** The members of an interface in a file, read with TypeScript's own parser. */
function membersOf(file: string, name: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  let members: string[] | undefined;
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === name)
      members = node.members.flatMap((member) => (member.name ? [member.name.getText(source)] : []));
  });
  if (!members) throw new Error(`${file} has no interface ${name}`);
  return members;
}

const commandTypes = Command.options.map((option) => option.shape.type.value);
const channels = Object.keys(contract);
const ports = membersOf('main/app.ts', 'AppPorts');

describe('docs/architecture.md names everything the code defines', () => {
  it('finds what it compares (the definitions are read, not empty)', () => {
    expect(commandTypes.length).toBeGreaterThan(10);
    expect(channels.length).toBeGreaterThan(10);
    expect(ports).toContain('updater');
  });

  it('the command table has a row for every member of the Command union, and no other', () => {
    const rows = tableUnder('## The command table').map((cells) => named(cells[0]!)[0]);
    expect(rows.toSorted()).toEqual(commandTypes.toSorted());
  });

  it('the channels table names every IPC channel, and no other', () => {
    const listed = tableUnder('### Where commands come from', '| channel |').flatMap((cells) => named(cells[0]!));
    expect(listed.toSorted()).toEqual(channels.toSorted());
  });

  it('the ports table has a row for every port of AppPorts, and no other', () => {
    const listed = tableUnder('### Ports and knobs').flatMap((cells) => named(cells[0]!));
    expect(listed.toSorted()).toEqual(ports.toSorted());
  });

  it('the features table gives every command and every channel to exactly one feature', () => {
    const rows = tableUnder('### A feature is one module', '| feature |');
    const commands = rows.flatMap((cells) => named(cells[2]!));
    const ipc = rows.flatMap((cells) => named(cells[3]!));
    expect(commands.toSorted()).toEqual(commandTypes.toSorted());
    expect(ipc.toSorted()).toEqual(channels.toSorted());
  });
});
