import { parseServiceTime } from '../../common/service-time.js';

/** The series' meetings as the service lists them, read without the calendar libraries (they load later). */

/** The service's `occurrences` as moments (those it gives a time the app can read). */
export function serviceOccurrences(occurrences: readonly { start_time?: string | undefined }[]): Date[] {
  return occurrences.map((o) => parseServiceTime(o.start_time)).filter((d): d is Date => d !== undefined);
}

/** Whether the service booked what the user chose: the same moments, in the same order. */
export function sameOccurrences(expected: readonly Date[], booked: readonly Date[]): boolean {
  return expected.length === booked.length && expected.every((d, i) => d.getTime() === booked[i]!.getTime());
}
