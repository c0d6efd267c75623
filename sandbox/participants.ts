/**
 * Who is in a sandbox meeting. Names and addresses here are made up, but the app treats the real ones
 * as personal data (never logged, never stored), so nothing in the sandbox prints them either.
 */

export interface SandboxParticipant {
  name: string;
  device: string;
  ip: string;
  city?: string;
  network?: string;
  joinedAt: number;
  /** Absent while the participant is still in the meeting. */
  leftAt?: number;
}

/** What a test may choose about a participant it adds; the rest is filled in. */
export interface JoinOptions {
  name?: string;
  device?: string;
  ip?: string;
  city?: string;
  network?: string;
}

/** The device as the service reports it, guessed from the join page's User-Agent. */
export function deviceFromUserAgent(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  if (/iPhone|iPad|iPod/i.test(ua)) return 'iOS';
  if (/Android/i.test(ua)) return 'Android';
  if (/Windows/i.test(ua)) return 'Windows';
  if (/Macintosh|Mac OS X/i.test(ua)) return 'Mac';
  if (/Linux/i.test(ua)) return 'Linux';
  return 'Web';
}

/** A participant who joined at `at`: the chosen fields, or a guest numbered after those already in. */
export function newParticipant(already: readonly SandboxParticipant[], at: number, options: JoinOptions = {}): SandboxParticipant {
  return {
    name: options.name ?? `访客 ${already.length + 1}`,
    device: options.device ?? 'Web',
    ip: options.ip ?? '127.0.0.1',
    city: options.city,
    network: options.network ?? 'Wired',
    joinedAt: at,
  };
}
