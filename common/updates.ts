import { z } from 'zod';

/**
 * Where updating stands (main/updates/update-service.ts keeps it): the tray's update line and the
 * window's update setting say it.
 */
export const UpdateStatus = z.discriminatedUnion('state', [
  /** Nothing going on; `upToDate` once a check found nothing newer. */
  z.object({ state: z.literal('idle'), upToDate: z.boolean() }),
  z.object({ state: z.literal('checking') }),
  z.object({ state: z.literal('available'), version: z.string() }),
  z.object({ state: z.literal('downloading'), version: z.string() }),
  z.object({ state: z.literal('ready'), version: z.string() }),
  z.object({ state: z.literal('error'), message: z.string() }),
  /** `unpackaged`: a development run; `unsigned`: a macOS build without a signature, which cannot update itself. */
  z.object({ state: z.literal('unsupported'), reason: z.enum(['unpackaged', 'unsigned']) }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatus>;

/** Updates as the tray and the window show them: the status and the version running. */
export const UpdatesView = z.object({ status: UpdateStatus, version: z.string() });
export type UpdatesView = z.infer<typeof UpdatesView>;
