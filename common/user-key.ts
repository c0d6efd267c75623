/**
 * The user key's bound, in UTF-8 bytes as the service counts it, without zod: the preset editor counts the bytes as
 * they are typed (the window runs no zod), and common/umeet-api.ts re-exports it beside the UserKey schema.
 */
export const USER_KEY_MAX_BYTES = 200;

export const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;
