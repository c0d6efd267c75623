import { readFileSync } from 'node:fs';

/**
 * The service's documented example answers (test/fixtures/umeet-docs/, see its manifest.json): each kept
 * verbatim as the page prints it, and read as JSON only through the repairs the manifest lists for it.
 *
 * Every example on the pages is JavaScript-ish rather than JSON: `//` comments, and on some pages a comma
 * missing, a full-width comma, a stray quote, a long string broken over lines, a bracket never closed. The
 * verbatim text is what is served to show that the client refuses it cleanly; the repaired text is what a
 * service answering as documented would send, served to show that the client reads it.
 */

export const FIXTURES = new URL('../../fixtures/umeet-docs/', import.meta.url);

/** One edit of the verbatim text, exact: `find` occurs exactly once. */
export interface Repair {
  find: string;
  replace: string;
  why: string;
}

export interface DocExample {
  /** The fixture's file name in test/fixtures/umeet-docs/. */
  file: string;
  /** The call, as docs/umeet-api.md names it. */
  call: string;
  /** The page of the documentation's repository that prints it. */
  page: string;
  /** The commit of that repository the page was read at (the last one that changed it). */
  commit: string;
  /** The API path the page documents. */
  api_path: string;
  /** The client's method that reads the answer; null when the client has no such call. */
  client: string | null;
  /** Whether the verbatim text is JSON (none is: every page writes comments in it). */
  json: boolean;
  /** What keeps the verbatim text from being JSON. */
  not_json_because: string;
  /** The edits beyond the common ones (comments dropped, strings broken over lines joined), in order. */
  repairs: Repair[];
  note?: string;
}

export interface DocManifest {
  repository: string;
  snapshot: string;
  reading: string;
  examples: DocExample[];
  not_kept: { page: string; why: string }[];
}

export const docManifest = (): DocManifest => JSON.parse(readFileSync(new URL('manifest.json', FIXTURES), 'utf8')) as DocManifest;

/** The example's bytes, exactly as the page prints them between its code fences. */
export const verbatim = (example: DocExample): Buffer => readFileSync(new URL(example.file, FIXTURES));

/**
 * Drops `//` comments outside strings, and joins a string the page broke over lines (the line break and the
 * indentation after it are dropped). Strings are tracked with their escapes, so `https://` inside one stays.
 */
export function withoutComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (inString) {
      if (char === '\\') {
        out += char + (text[i + 1] ?? '');
        i += 1;
      } else if (char === '\n') {
        while (text[i + 1] === ' ' || text[i + 1] === '\t') i += 1;
      } else {
        if (char === '"') inString = false;
        out += char;
      }
    } else if (char === '/' && text[i + 1] === '/') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i += 1;
    } else {
      if (char === '"') inString = true;
      out += char;
    }
  }
  // Trailing blanks left where a comment was.
  return out.replace(/[ \t]+$/gm, '');
}

/** The example as JSON: its repairs applied to the verbatim text (each must match exactly once), then the comments dropped. */
export function repaired(example: DocExample): string {
  let text = verbatim(example).toString('utf8');
  for (const repair of example.repairs) {
    const count = text.split(repair.find).length - 1;
    if (count !== 1) throw new Error(`${example.file}: repair ${JSON.stringify(repair.find)} matches ${count} times, not once`);
    text = text.replace(repair.find, () => repair.replace);
  }
  return withoutComments(text);
}
