import { describe, expect, it } from 'vitest';
import { ok } from '../../common/result.js';
import { mergeTables, type CommandHandlers, type IpcFunctions } from '../../main/features/feature.js';

// The seam features plug into the app through (main/features/feature.ts): each channel's function is typed
// from the IPC contract, so one that expects another request does not compile (the lines below marked as
// expected errors fail `npm run typecheck` the day they compile), and a command or a channel
// carried out by two features is refused when the app is made.

describe('features', () => {
  it('a channel’s function takes the request its contract names, and nothing else', () => {
    const right: IpcFunctions['booking'] = (request) => ok({ kept: request.meetingId === '1' ? null : null });
    // @ts-expect-error — a request the contract does not name (`booking` takes { meetingId })
    const bogus: IpcFunctions['booking'] = (request: { bogus: Date }) => ok({ kept: request.bogus ? null : null });
    // @ts-expect-error — an answer the contract does not name
    const wrongAnswer: IpcFunctions['booking'] = () => ok('a string');
    const noRequest: IpcFunctions['snapshot'] = () => ({ ok: false, error: { kind: 'internal', message: 'x' } });
    // @ts-expect-error — a command handler must take its own member of the union
    const wrongCommand: CommandHandlers['start'] = (command: { type: 'quit' }) => ok(command.type === 'quit' ? {} : {});
    expect([right, bogus, wrongAnswer, noRequest, wrongCommand].every((f) => typeof f === 'function')).toBe(true);
  });

  it('a command or a channel carried out by two features is refused', () => {
    const one = { quit: () => ok({}) };
    const two = { 'open-log-folder': () => ok({}) };
    expect(Object.keys(mergeTables<CommandHandlers>('command', [one, two]))).toEqual(['quit', 'open-log-folder']);
    expect(() => mergeTables<CommandHandlers>('command', [one, two, { quit: () => ok({}) }])).toThrow(
      'the command "quit" is carried out by two features',
    );
  });
});
