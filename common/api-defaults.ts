/**
 * The API server and the deadline of one call when nothing else is set: the settings' defaults, and the
 * CLI's. A module of its own, without zod, so that `umeet` can name them in its help before it loads
 * anything heavier.
 */
export const DEFAULT_API_BASE = 'https://api.systeccloud.com';
export const DEFAULT_TIMEOUT_MS = 15_000;
