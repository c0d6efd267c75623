import { writeFile } from 'node:fs/promises';
import { fail, ok, type Result } from '../../common/result.js';
import type { UsageQuery, UsageView } from '../../common/usage.js';
import { failureText } from '../../core/meetings/failure-text.js';
import type { FileDialogs } from '../ports.js';
import type { AppContext, Feature } from './feature.js';

/**
 * What the company's rooms were used for (issue 31): the window's Usage section asks for a period of local
 * dates; the meetings held are read from the service's `detail` a month at a time (core/usage/), with the
 * licence and the rooms' sizes for rooms in use by hour against those licensed. Read when asked, never in
 * the background; nothing of it is kept. Its code loads once the tray shows (main/features/later.ts).
 */
export function usageFeature(ctx: AppContext, deps: { files: Pick<FileDialogs, 'chooseCsvPath'> }) {
  const code = ctx.later(async () => ({
    ...(await import('../../core/usage/read-usage.js')),
    ...(await import('../../core/usage/csv.js')),
  }));

  async function view(query: UsageQuery): Promise<Result<UsageView>> {
    const t = ctx.t();
    const { readHeld, roomsByHour, usageReport } = await code.get();
    const client = await ctx.api.background();
    const held = await readHeld(client, query);
    if (!held.ok) return fail('failed', failureText(held.failure, t));
    // The sizes: each licensed room's host id and size (`rooms`), and how many of each are licensed.
    const [rooms, licence] = [await client.rooms(), await client.licensing()];
    const sizeOf = new Map(
      (rooms.ok ? rooms.value : []).flatMap((room) =>
        room.id && room.meeting_capacity ? [[room.id, room.meeting_capacity] as const] : [],
      ),
    );
    return ok({ ...usageReport(query, held.value), byHour: roomsByHour(held.value, sizeOf, licence.ok ? licence.value.capacity : {}) });
  }

  return {
    ipc: {
      usage: view,
      exportUsage: async (query) => {
        const t = ctx.t();
        const read = await view(query);
        if (!read.ok) return read;
        const path = await deps.files.chooseCsvPath({
          title: t('usage.exportTitle'),
          defaultName: `umeet-usage-${query.from}-${query.to}.csv`,
        });
        if (!path) return fail('cancelled', '');
        const headers = {
          days: [t('usage.csvDate'), t('usage.meetings'), t('usage.minutes')],
          rooms: [
            t('usage.csvRoom'),
            t('usage.meetings'),
            t('usage.participants'),
            t('usage.minutes'),
            t('usage.audioFee'),
            t('usage.noRoom'),
          ],
        };
        try {
          await writeFile(path, (await code.get()).usageCsv(read.value, headers));
          return ok({ path });
        } catch {
          return fail('failed', t('usage.exportFailed'));
        }
      },
    },
  } satisfies Feature;
}
