import { z } from 'zod';

/**
 * Why main refused or failed an IPC request, before or around the handler itself.
 * Failures that belong to an operation (bad credentials, no free room…) are part of that
 * operation's response schema instead.
 */
export const IpcFailure = z.discriminatedUnion('kind', [
  /** The payload did not match the contract; the handler never ran. */
  z.object({
    kind: z.literal('invalid-request'),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
  /** The sender was not the app's own main frame on `app://`. */
  z.object({ kind: z.literal('forbidden') }),
  /** The handler threw; the detail is in main's log, never sent to the window. */
  z.object({ kind: z.literal('internal') }),
]);
export type IpcFailure = z.infer<typeof IpcFailure>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcFailure };
