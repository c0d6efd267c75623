/** Local date and time as the topic template and the menu show them: 2026-11-25, 14:05. */
const pad = (n: number) => String(n).padStart(2, '0');
export const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
export const localTime = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** Expands `{date}` and `{time}` in a preset's topic with the moment the meeting starts. */
export function expandTopic(template: string, at: Date): string {
  return template.replaceAll('{date}', localDate(at)).replaceAll('{time}', localTime(at)).trim();
}

/**
 * A meeting ID grouped for reading aloud and typing: a group of three, then groups of four from
 * the right, as phone numbers are grouped in China: 1591620888 -> "159 162 0888",
 * 15464648254 -> "154 6464 8254". Anything that is not all digits is left as it is.
 */
export function groupMeetingId(id: string): string {
  if (!/^\d{7,}$/.test(id)) return id;
  const head = id.slice(0, 3);
  const rest = id.slice(3);
  const groups: string[] = [];
  for (let end = rest.length; end > 0; end -= 4) groups.unshift(rest.slice(Math.max(0, end - 4), end));
  return [head, ...groups].join(' ');
}
