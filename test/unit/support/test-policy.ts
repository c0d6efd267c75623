import { splitDocument, type PolicySource } from '../../../main/policy/source.js';

/** A policy source whose document the test sets, as IT would change the file: `app.policy.reload()` then reads it. */
export function testPolicy(initial: Record<string, unknown> = {}) {
  let document = initial;
  const source: PolicySource = { read: async () => splitDocument(structuredClone(document), 'test policy', []) };
  return {
    source,
    set(next: Record<string, unknown>) {
      document = next;
    },
  };
}

/** A company preset as an export file carries it. */
export const companyFile = (...names: string[]) => ({
  format: 'umeet-tray-presets',
  version: 1,
  presets: names.map((name, index) => ({
    id: `c${index + 1}`,
    name,
    topic: `${name} {date}`,
    capacity: 10,
    afterCreate: { open: 'start', copy: 'join-link' },
  })),
});
