import type { Command } from '../../common/commands.js';
import { translator, type MessageKey, type Translate } from '../../common/i18n/index.js';
import type { Locale } from '../../common/i18n/locale.js';
import type { Preset } from '../../common/preset.js';
import { recentStateText, type RecentMeeting } from '../../common/recent.js';
import { recentActions, type RecentAction } from '../../common/recent-actions.js';
import type { StartAtLogin } from '../../common/window-state.js';
import { groupMeetingId, localTime } from '../../common/format.js';
import { minutesTo, SOON_MS } from '../meetings/reminder-plan.js';
import { updateEntries, type UpdatesView } from './update-entries.js';

/** Every clickable entry carries the `Command` it runs (common/commands.ts); the menu does nothing itself. */
export type MenuEntry =
  | { kind: 'item'; id: string; label: string; enabled: boolean; action?: Command }
  | { kind: 'checkbox'; id: string; label: string; checked: boolean; action: Command }
  | { kind: 'submenu'; id: string; label: string; entries: MenuEntry[] }
  | { kind: 'separator' };

/** Everything the menu depends on. The menu is a pure function of it. */
export interface TrayState {
  locale: Locale;
  now: Date;
  /** `refused`: saved, but the service refused them the last time it was asked (they are kept, and still tried). */
  credentials: 'ok' | 'missing' | 'locked' | 'refused';
  presets: readonly Preset[];
  defaultPresetId?: string | undefined;
  busy: ReadonlySet<string>;
  recent: readonly RecentMeeting[];
  pendingChecks: readonly { id: string; topic: string }[];
  startAtLogin: StartAtLogin;
  lastError?: string | undefined;
  /** A notification the OS would not show, shown here instead. */
  lastEvent?: string | undefined;
  /** Why changes are not being saved, while they are not. */
  saveProblem?: string | undefined;
  /** Free rooms for each preset (by id), from the last read; a preset without one is labelled as before. */
  roomsFree?: Readonly<Record<string, { free: number }>>;
  /** After "no room of that size free": the preset and the next size up that has one. */
  offer?: { presetId: string; presetName: string; capacity: number } | undefined;
  /** The licensed room sizes, smallest first: what a recent meeting may be resized to. */
  sizes?: readonly number[];
  /** The company's presets (a policy): listed first, under their own heading, apart from the user's. */
  companyPresetIds?: ReadonlySet<string>;
  /** Updates (main/updates/): none in a development run. */
  updates?: UpdatesView | undefined;
  /** Scheduled meetings not started yet, from the last read of Upcoming: today's and tomorrow's are shown. */
  upcoming?: readonly { meetingId: string; topic: string; start: string }[];
  /** The meeting starting within 15 minutes (main/features/reminders.ts): the menu's top line. */
  nextMeeting?: { meetingId: string; topic: string; start: string } | undefined;
}

/** "14:00 季度复盘 — in 4 min", opening it as host, while it has not started and is at most 15 minutes away. */
function nextMeetingEntry(state: TrayState, t: Translate): MenuEntry[] {
  const next = state.nextMeeting;
  if (!next) return [];
  const start = new Date(next.start);
  const left = start.getTime() - state.now.getTime();
  if (left <= 0 || left > SOON_MS) return [];
  return [
    {
      kind: 'item',
      id: 'next-meeting',
      label: t('tray.soon', { time: localTime(start), topic: next.topic, minutes: minutesTo(start.getTime(), state.now.getTime()) }),
      enabled: true,
      action: { type: 'scheduled', meetingId: next.meetingId, action: 'open-host' },
    },
    { kind: 'separator' },
  ];
}

/** The local calendar day, as a number that orders days (a day may last 23 or 25 hours). */
const dayNumber = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;

/** Today's and tomorrow's scheduled meetings (the local calendar), each with what a click can do for it. */
function scheduledEntries(state: TrayState, t: Translate): MenuEntry[] {
  const today = dayNumber(state.now);
  return (state.upcoming ?? []).flatMap((meeting): MenuEntry[] => {
    const start = new Date(meeting.start);
    const day = dayNumber(start) - today;
    if (day !== 0 && day !== 1) return [];
    const id = `scheduled:${meeting.meetingId}`;
    const item = (action: 'open-host' | 'copy-invitation' | 'add-to-calendar', label: MessageKey): MenuEntry => ({
      kind: 'item',
      id: `${id}:${action}`,
      label: t(label),
      enabled: true,
      action: { type: 'scheduled', meetingId: meeting.meetingId, action },
    });
    return [
      {
        kind: 'submenu',
        id,
        label: t(day === 0 ? 'tray.today' : 'tray.tomorrow', { time: localTime(start), topic: meeting.topic }),
        entries: [
          item('open-host', 'tray.openAsHost'),
          item('copy-invitation', 'tray.copyInvitation'),
          item('add-to-calendar', 'tray.addToCalendar'),
        ],
      },
    ];
  });
}

/** Presets shown at the top level; the rest go into a submenu so the menu stays scannable. */
export const TOP_LEVEL_PRESETS = 7;
const ERROR_LABEL_MAX = 60;

export function presetLabel(preset: Preset, t: Translate, isDefault: boolean): string {
  const duration = preset.duration ? t('tray.presetDuration', { minutes: preset.duration }) : '';
  const label = t('tray.presetLabel', { name: preset.name, capacity: preset.capacity, duration });
  return isDefault ? `${label}${t('tray.defaultMark')}` : label;
}

function presetEntry(preset: Preset, state: TrayState, t: Translate): MenuEntry {
  const busy = state.busy.has(preset.id);
  const plain = presetLabel(preset, t, preset.id === state.defaultPresetId);
  // What is free for it now, once read (when the menu last opened); none free stays clickable: the service decides.
  const free = state.roomsFree?.[preset.id]?.free;
  const label =
    free === undefined ? plain : free === 0 ? t('tray.presetNoneFree', { label: plain }) : t('tray.presetFree', { label: plain, free });
  return {
    kind: 'item',
    id: `preset:${preset.id}`,
    label: busy ? `${label} — ${t('tray.starting')}` : label,
    // Refused credentials are still tried: the refusal may be over (a click that works clears it).
    enabled: !busy && (state.credentials === 'ok' || state.credentials === 'refused'),
    action: { type: 'start', presetId: preset.id },
  };
}

/** Resize room ▸ each licensed size, the meeting's own marked and not clickable. */
function resizeEntry(meeting: RecentMeeting, sizes: readonly number[], t: Translate): MenuEntry {
  return {
    kind: 'submenu',
    id: `recent:${meeting.meetingId}:resize`,
    label: t('tray.resize'),
    entries: sizes.map((capacity) => ({
      kind: 'item',
      id: `recent:${meeting.meetingId}:resize:${capacity}`,
      label: `${t('tray.resizeTo', { capacity })}${capacity === meeting.capacity ? ' ✓' : ''}`,
      enabled: capacity !== meeting.capacity,
      action: { type: 'resize-meeting', meetingId: meeting.meetingId, capacity },
    })),
  };
}

function recentEntry(meeting: RecentMeeting, t: Translate, sizes: readonly number[] = []): MenuEntry {
  const label = `${t('tray.recentLabel', {
    topic: meeting.topic,
    id: groupMeetingId(meeting.meetingId),
    time: localTime(new Date(meeting.createdAt)),
  })} · ${recentStateText(meeting, t)}`;
  const entries: MenuEntry[] = [];
  let group: RecentAction['group'] | undefined;
  for (const action of recentActions(meeting)) {
    if (group && action.group !== group) entries.push({ kind: 'separator' });
    // A meeting that can still change may move to a room of another size, just before "End meeting…".
    if (action.id === 'end' && action.enabled && sizes.length > 1) entries.push(resizeEntry(meeting, sizes, t));
    group = action.group;
    entries.push({
      kind: 'item',
      id: `recent:${meeting.meetingId}:${action.id}`,
      label: t(action.label),
      enabled: action.enabled,
      action: action.command,
    });
  }
  return { kind: 'submenu', id: `recent:${meeting.meetingId}`, label, entries };
}

export function buildMenuModel(state: TrayState): MenuEntry[] {
  const t = translator(state.locale);
  const menu: MenuEntry[] = [...nextMeetingEntry(state, t)];

  if (state.credentials !== 'ok') {
    menu.push({
      kind: 'item',
      id: 'set-up-credentials',
      label: t(state.credentials === 'refused' ? 'tray.credentialsRefused' : 'tray.setUpCredentials'),
      enabled: true,
      action: { type: 'open-window', section: 'settings' },
    });
    menu.push({ kind: 'separator' });
  }
  const shorten = (text: string) => (text.length > ERROR_LABEL_MAX ? `${text.slice(0, ERROR_LABEL_MAX - 1)}…` : text);
  if (state.saveProblem) {
    menu.push({ kind: 'item', id: 'save-problem', label: `⚠ ${shorten(state.saveProblem)}`, enabled: false });
  }
  if (state.lastError) {
    menu.push({ kind: 'item', id: 'last-error', label: `⚠ ${shorten(state.lastError)}`, enabled: false });
    if (state.offer)
      menu.push({
        kind: 'item',
        id: 'start-bigger',
        label: t('tray.startBigger', { name: state.offer.presetName, capacity: state.offer.capacity }),
        enabled: !state.busy.has(state.offer.presetId),
        action: { type: 'start', presetId: state.offer.presetId, capacity: state.offer.capacity },
      });
  }
  // (A failed start is on the line above already.)
  if (state.lastEvent && !(state.lastError && state.lastEvent.includes(state.lastError))) {
    menu.push({ kind: 'item', id: 'last-event', label: `ⓘ ${shorten(state.lastEvent)}`, enabled: false });
  }
  if (state.lastError || state.saveProblem) {
    menu.push({ kind: 'item', id: 'open-log-folder', label: t('tray.openLogFolder'), enabled: true, action: { type: 'open-log-folder' } });
    menu.push({ kind: 'separator' });
  }

  const isCompany = (preset: Preset) => state.companyPresetIds?.has(preset.id) === true;
  const company = state.presets.filter(isCompany).map((preset) => presetEntry(preset, state, t));
  if (company.length) {
    menu.push({ kind: 'item', id: 'company-presets', label: t('tray.companyPresets'), enabled: false }, ...company, { kind: 'separator' });
  }
  const presets = state.presets.filter((preset) => !isCompany(preset)).map((preset) => presetEntry(preset, state, t));
  menu.push(...presets.slice(0, TOP_LEVEL_PRESETS));
  if (presets.length > TOP_LEVEL_PRESETS) {
    menu.push({ kind: 'submenu', id: 'more-presets', label: t('tray.morePresets'), entries: presets.slice(TOP_LEVEL_PRESETS) });
  }
  for (const check of state.pendingChecks) {
    menu.push({
      kind: 'item',
      id: `check:${check.id}`,
      label: t('tray.checkCreated', { topic: check.topic }),
      enabled: true,
      action: { type: 'check-created', checkId: check.id },
    });
  }
  if (presets.length || state.pendingChecks.length) menu.push({ kind: 'separator' });

  const scheduled = scheduledEntries(state, t);
  if (scheduled.length)
    menu.push({ kind: 'item', id: 'scheduled-heading', label: t('tray.scheduled'), enabled: false }, ...scheduled, { kind: 'separator' });

  menu.push({
    kind: 'submenu',
    id: 'recent',
    label: t('tray.recent'),
    entries: state.recent.length
      ? state.recent.map((meeting) => recentEntry(meeting, t, state.sizes))
      : [{ kind: 'item', id: 'recent-empty', label: t('tray.recentEmpty'), enabled: false }],
  });
  menu.push({ kind: 'separator' });
  menu.push({ kind: 'item', id: 'open-window', label: t('tray.openWindow'), enabled: true, action: { type: 'open-window' } });
  menu.push({
    kind: 'checkbox',
    id: 'start-at-login',
    label: t('tray.startAtLogin'),
    checked: state.startAtLogin.enabled,
    action: { type: 'set-start-at-login', enabled: !state.startAtLogin.enabled },
  });
  // The OS refused the last change: the box shows what the OS says, and this says why.
  if (state.startAtLogin.error)
    menu.push({ kind: 'item', id: 'start-at-login-error', label: `⚠ ${shorten(state.startAtLogin.error)}`, enabled: false });
  menu.push({ kind: 'separator' });
  const updates = state.updates ? updateEntries(state.updates, t, shorten) : [];
  if (updates.length) menu.push(...updates, { kind: 'separator' });
  menu.push({ kind: 'item', id: 'quit', label: t('tray.quit'), enabled: true, action: { type: 'quit' } });
  return menu;
}

/** Windows cuts tray tooltips at 127 characters. */
const TOOLTIP_MAX = 127;

/** The app's name and, until the next success, the last error (or why changes are not saved). */
export function tooltipText(state: Pick<TrayState, 'locale' | 'lastError' | 'saveProblem'>): string {
  const t = translator(state.locale);
  const problem = state.lastError ?? state.saveProblem;
  const text = problem ? t('tray.tooltipError', { error: problem }) : t('tray.tooltip');
  return text.length > TOOLTIP_MAX ? `${text.slice(0, TOOLTIP_MAX - 1)}…` : text;
}

export type TrayIconVariant = 'idle' | 'busy' | 'error';

export function trayIconVariant(state: Pick<TrayState, 'busy' | 'lastError' | 'saveProblem'>): TrayIconVariant {
  if (state.busy.size > 0) return 'busy';
  return state.lastError || state.saveProblem ? 'error' : 'idle';
}

/**
 * The subset of Electron's `MenuItemConstructorOptions` the model produces, declared here so this
 * folder stays free of Electron; Electron's type accepts it structurally.
 */
export interface MenuTemplateItem {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox' | 'submenu';
  enabled?: boolean;
  checked?: boolean;
  submenu?: MenuTemplateItem[];
  click?: () => void;
}

/**
 * A label as Electron must be given it to show it as written: a `&` marks a keyboard mnemonic and `&&` shows
 * one `&`, on Windows and Linux (docs/api/menu.md) and on macOS too, where Electron runs every label through
 * l10n_util::FixUpWindowsStyleLabel (shell/browser/ui/cocoa/electron_menu_controller.mm), which drops a lone `&`.
 * Labels carry user text (preset names, topics, the service's messages) and our own ("Presets & settings…").
 */
export const menuLabel = (label: string): string => label.replaceAll('&', '&&');

/** Turns the model into a menu template whose clicks run the entries' commands; every label escaped (`menuLabel`). */
export function toMenuTemplate(model: readonly MenuEntry[], dispatch: (command: Command) => void): MenuTemplateItem[] {
  const shown = menuLabel;
  return model.map((entry): MenuTemplateItem => {
    switch (entry.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'submenu':
        return { id: entry.id, label: shown(entry.label), type: 'submenu', submenu: toMenuTemplate(entry.entries, dispatch) };
      case 'checkbox':
        return { id: entry.id, label: shown(entry.label), type: 'checkbox', checked: entry.checked, click: () => dispatch(entry.action) };
      case 'item': {
        const { action } = entry;
        return { id: entry.id, label: shown(entry.label), enabled: entry.enabled, ...(action ? { click: () => dispatch(action) } : {}) };
      }
    }
  });
}

/** Finds an entry anywhere in the model by id (tests and the e2e hooks click through this). */
export function findEntry(model: readonly MenuEntry[], id: string): MenuEntry | undefined {
  for (const entry of model) {
    if ('id' in entry && entry.id === id) return entry;
    if (entry.kind === 'submenu') {
      const found = findEntry(entry.entries, id);
      if (found) return found;
    }
  }
  return undefined;
}
