import type { Translate } from '../../common/i18n/index.js';
import type { Logger } from '../../core/log.js';
import type { Clipboard, CommandNotify, OpenLink } from '../ports.js';

/**
 * Links from the service are used only through the allowlist (core/link-allowlist.ts), and the clipboard is
 * read back before "copied" is said. Shared by the click path, the recent meetings and the booked ones.
 */
export function createCheckedLinks(deps: {
  settings: () => { apiBaseUrl: string; trustedLinkHosts: readonly string[] };
  openLink: OpenLink;
  clipboard: Clipboard;
  notify: CommandNotify;
  t: () => Translate;
  log?: Logger | undefined;
}) {
  // The allowlist carries the public-suffix list (tldts): loaded when first needed, or ahead of the first
  // click by preload(), not before the tray shows.
  let allowlist: Promise<typeof import('../../core/link-allowlist.js')> | undefined;
  const preload = () => (allowlist ??= import('../../core/link-allowlist.js'));

  /** A link from the service, if the allowlist trusts it; otherwise undefined, and the user is told. */
  async function trusted(link: string | undefined): Promise<string | undefined> {
    if (!link) return undefined;
    const { checkLink } = await preload();
    const { apiBaseUrl, trustedLinkHosts } = deps.settings();
    const verdict = checkLink(link, { apiBaseUrl, extraHosts: trustedLinkHosts });
    if (verdict.ok) return verdict.url;
    const host = verdict.host || '?';
    deps.log?.warn('link refused', { reason: verdict.reason, host });
    // Refused means refused everywhere: not opened, not copied, not stored.
    deps.notify({ title: deps.t()('app.title'), body: deps.t()('meeting.untrustedLink', { host }) });
    return undefined;
  }

  /** Opens a link only if the allowlist accepts it; otherwise tells the user and opens nothing. */
  async function openChecked(link: string): Promise<'opened' | 'refused'> {
    const url = await trusted(link);
    if (!url) return 'refused';
    deps.openLink(url).catch((error: unknown) => deps.log?.error('opening a link failed', { error: String(error) }));
    return 'opened';
  }

  /**
   * A copy the user asked for (a tray item, a notification's click, the window): written and read back, and where
   * a write now could be dropped unseen (Wayland, no window of ours focused) made from the window once it has focus
   * (`Clipboard.writeWhenFocused`). True only if it was written where it counts (docs/architecture.md, Wayland).
   */
  async function copyChecked(text: string): Promise<boolean> {
    if (deps.clipboard.unconfirmable?.() && deps.clipboard.writeWhenFocused) return deps.clipboard.writeWhenFocused(text);
    return copyAndCheck(text);
  }

  /** Puts text on the clipboard and reads it back: the user is told it was copied only if it was. */
  async function copyAndCheck(text: string): Promise<boolean> {
    await deps.clipboard.writeText(text);
    const copied = (await deps.clipboard.readText()) === text;
    if (!copied) deps.log?.warn('the clipboard did not take the text');
    return copied;
  }

  /**
   * The copy a preset asks for after a start, from a click with no window: never said to be done where it may not
   * have been. Where a write could be dropped unseen it is still tried (some compositors take it) but reported as
   * `unconfirmed`, and the notification offers the copy a click away.
   */
  async function copyAfterStart(text: string): Promise<'copied' | 'not-copied' | 'unconfirmed'> {
    const unconfirmable = deps.clipboard.unconfirmable?.() ?? false;
    const written = await copyAndCheck(text);
    if (unconfirmable) return 'unconfirmed';
    return written ? 'copied' : 'not-copied';
  }

  return { trusted, openChecked, copyChecked, copyAfterStart, preload };
}

export type CheckedLinks = ReturnType<typeof createCheckedLinks>;
