import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Section } from '../../common/commands.js';
import type { PresetInput, WindowUi } from '../../common/window-state.js';

/** A form's unsaved values, exactly as its inputs hold them (plain data: it can be kept and restored). */
export type FormDraft = Record<string, unknown>;

/** The id a preset not saved yet has among the presets' drafts. */
export const NEW_PRESET = 'new';

/** Unsaved work by section: each preset's form by its id (NEW_PRESET for one not saved yet), the settings form, the schedule form. */
export interface Drafts {
  presets: Readonly<Record<string, FormDraft>>;
  settings?: FormDraft;
  upcoming?: FormDraft;
}
/** The sections whose form is one draft (the presets' drafts are by preset). */
export type FormSection = 'settings' | 'upcoming';

/** What the schedule form opens on when the Upcoming section is shown for it: blank, a preset's values, or a booked meeting. */
export type ScheduleIntent = { from: 'blank' } | { from: 'preset'; preset: PresetInput } | { from: 'meeting'; meetingId: string };

/** The sections holding an edit not saved yet, in the order of the navigation. */
export function unsavedSections(drafts: Drafts): Section[] {
  return [
    ...(Object.keys(drafts.presets).length ? ['presets' as const] : []),
    ...(drafts.upcoming ? ['upcoming' as const] : []),
    ...(drafts.settings ? ['settings' as const] : []),
  ];
}

/** A small fact of the view: what is unfolded, which pane a narrow window shows. */
export type ViewValue = string | number | boolean;

/**
 * What the window remembers while the user moves around it: the section, the selected preset, every
 * unsaved edit, and the view (what is unfolded, where each pane is scrolled). No edit is lost by
 * switching presets or sections: it stays a draft, marked as unsaved, until it is saved or discarded.
 * All of it is kept in main as it changes (`windowState`), so a window made afresh (main lets a closed
 * window go after a while) opens as this one was.
 */
export interface Session {
  section: Section;
  showSection(section: Section): void;
  /** Shows a section with one element of it focused (and unfolded): where a problem can be fixed. */
  reveal(section: Section, elementId: string): void;
  /** The last reveal: the element, and a count that changes with each reveal (the section is drawn afresh). */
  revealed: { elementId: string; count: number } | undefined;
  selectedPresetId: string | undefined;
  selectPreset(id: string | undefined): void;
  /** Unsaved work, by section. */
  drafts: Drafts;
  /** A preset's draft (NEW_PRESET for one not saved yet); undefined drops it. */
  setPresetDraft(id: string, draft: FormDraft | undefined): void;
  /** The settings' or the schedule form's draft; undefined drops it. */
  setDraft(section: FormSection, draft: FormDraft | undefined): void;
  /** "Schedule…" (on a preset, or blank): shows Upcoming with the form open on it, once. */
  openSchedule(intent: ScheduleIntent): void;
  /** What the schedule form should open on, asked for before Upcoming was shown; taken once. */
  takeScheduleIntent(): ScheduleIntent | undefined;
  view: Readonly<Record<string, ViewValue>>;
  setView(key: string, value: ViewValue | undefined): void;
  /** Scroll positions, by pane: kept without drawing anything again on every scroll. */
  scroll: { get(key: string): number | undefined; set(key: string, top: number): void };
  /** The list actions that can be undone (delete, move, duplicate, default), newest last. */
  undo: Undo;
}

export interface Undo {
  push(action: () => Promise<void>): void;
  /** Undoes `action` (the toast's Undo for that deletion), or the newest one (Ctrl/⌘+Z). */
  run(action?: () => Promise<void>): Promise<void>;
  /** Calls `listener` once `action` is undone, whichever way (its toast's Undo then goes too); returns the unsubscribe. */
  onUndone(action: () => Promise<void>, listener: () => void): () => void;
}

/** Undo goes this far back; older actions are let go. */
const UNDO_DEPTH = 20;
/** The window's state goes to main this long after it last changed, or at once when the window is hidden. */
const KEEP_AFTER_MS = 300;

function useUndoStack(): Undo {
  const stack = useRef<(() => Promise<void>)[]>([]);
  const listeners = useRef(new Map<() => Promise<void>, Set<() => void>>());
  return useMemo(
    () => ({
      push(action) {
        stack.current = [...stack.current, action].slice(-UNDO_DEPTH);
      },
      async run(action) {
        const chosen = action ?? stack.current.at(-1);
        if (!chosen || !stack.current.includes(chosen)) return;
        stack.current = stack.current.filter((item) => item !== chosen);
        for (const listener of listeners.current.get(chosen) ?? []) listener();
        listeners.current.delete(chosen);
        await chosen();
      },
      onUndone(action, listener) {
        const set = listeners.current.get(action) ?? new Set();
        set.add(listener);
        listeners.current.set(action, set);
        return () => set.delete(listener);
      },
    }),
    [],
  );
}

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

const without = <T,>(all: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  if (!(key in all)) return all as Record<string, T>;
  const { [key]: _gone, ...rest } = all;
  return rest;
};

const SCROLL = 'scroll:';

/**
 * @param initialSection where to open: the section main asked for, else where the last window was.
 * @param saved what the last window kept (`savedUi`), to open as it was.
 */
export function SessionProvider({
  initialSection,
  saved,
  children,
}: {
  initialSection: Section;
  saved?: WindowUi | null;
  children: ReactNode;
}) {
  const [section, showSection] = useState<Section>(initialSection);
  const [revealed, setRevealed] = useState<{ elementId: string; count: number }>();
  const reveal = useCallback((next: Section, elementId: string) => {
    showSection(next);
    setRevealed((last) => ({ elementId, count: (last?.count ?? 0) + 1 }));
  }, []);
  const [selectedPresetId, selectPreset] = useState<string | undefined>(saved?.selectedPresetId);
  const [drafts, setDrafts] = useState<Drafts>(() => ({
    presets: { ...(saved?.drafts.presets ?? {}) },
    ...(saved?.drafts.settings ? { settings: saved.drafts.settings } : {}),
    ...(saved?.drafts.upcoming ? { upcoming: saved.drafts.upcoming } : {}),
  }));
  // A schedule asked for from another section, until the Upcoming section takes it (a ref: taking it draws nothing).
  const intent = useRef<ScheduleIntent>(undefined);
  const [view, setViews] = useState<Record<string, ViewValue>>(() =>
    Object.fromEntries(Object.entries(saved?.view ?? {}).filter(([key]) => !key.startsWith(SCROLL))),
  );
  const scrolls = useRef<Record<string, number>>(
    Object.fromEntries(
      Object.entries(saved?.view ?? {})
        .filter(([key, value]) => key.startsWith(SCROLL) && typeof value === 'number')
        .map(([key, value]) => [key.slice(SCROLL.length), value as number]),
    ),
  );
  const undo = useUndoStack();

  const setPresetDraft = useCallback(
    (id: string, draft: FormDraft | undefined) =>
      setDrafts((all) => ({ ...all, presets: draft === undefined ? without(all.presets, id) : { ...all.presets, [id]: draft } })),
    [],
  );
  const setDraft = useCallback(
    (section: FormSection, draft: FormDraft | undefined) =>
      setDrafts((all) => {
        if (draft !== undefined) return { ...all, [section]: draft };
        if (!(section in all)) return all;
        const { [section]: _gone, ...rest } = all;
        return rest;
      }),
    [],
  );
  const openSchedule = useCallback((next: ScheduleIntent) => {
    intent.current = next;
    showSection('upcoming');
  }, []);
  const takeScheduleIntent = useCallback(() => {
    const taken = intent.current;
    intent.current = undefined;
    return taken;
  }, []);
  const setView = useCallback(
    (key: string, value: ViewValue | undefined) =>
      setViews((all) => (value === undefined ? without(all, key) : all[key] === value ? all : { ...all, [key]: value })),
    [],
  );

  // Kept in main: a little after each change, and at once when the window is hidden (it may be let go).
  const latest = useRef<WindowUi>(undefined);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const keepNow = useCallback(() => {
    clearTimeout(pending.current);
    pending.current = undefined;
    const ui = latest.current;
    if (ui) void window.umeet.windowState({ ui }).catch(() => undefined);
  }, []);
  const keepSoon = useCallback(() => {
    clearTimeout(pending.current);
    pending.current = setTimeout(keepNow, KEEP_AFTER_MS);
  }, [keepNow]);
  useLayoutEffect(() => {
    latest.current = {
      section,
      ...(selectedPresetId ? { selectedPresetId } : {}),
      drafts,
      view: { ...view, ...Object.fromEntries(Object.entries(scrolls.current).map(([key, top]) => [SCROLL + key, Math.round(top)])) },
    };
  });
  useEffect(keepSoon, [section, selectedPresetId, drafts, view, keepSoon]);
  useEffect(() => {
    const hidden = () => document.visibilityState === 'hidden' && keepNow();
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', keepNow);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', keepNow);
    };
  }, [keepNow]);

  const scroll = useMemo(
    () => ({
      get: (key: string) => scrolls.current[key],
      set: (key: string, top: number) => {
        scrolls.current[key] = top;
        if (latest.current) latest.current.view[SCROLL + key] = Math.round(top);
        keepSoon();
      },
    }),
    [keepSoon],
  );

  const value = useMemo(
    () => ({
      section,
      showSection,
      reveal,
      revealed,
      selectedPresetId,
      selectPreset,
      drafts,
      setPresetDraft,
      setDraft,
      openSchedule,
      takeScheduleIntent,
      view,
      setView,
      scroll,
      undo,
    }),
    [
      section,
      reveal,
      revealed,
      selectedPresetId,
      drafts,
      setPresetDraft,
      setDraft,
      openSchedule,
      takeScheduleIntent,
      view,
      setView,
      scroll,
      undo,
    ],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * Remembers where a scrolling pane was, and puts it back there when the pane is drawn again (another
 * section and back, or a window made afresh). Returns the ref for the pane's element.
 */
export function useScrollMemory<T extends HTMLElement>(key: string) {
  return useScrollMemoryPane<T>(key)[0];
}

/**
 * `useScrollMemory`, with a function that puts the pane back where it was: for a pane whose content arrives after
 * the pane itself (a lazy section behind its fallback, too short to hold the position until then).
 */
export function useScrollMemoryPane<T extends HTMLElement>(key: string) {
  const { scroll } = useSession();
  const element = useRef<T>(null);
  const scrollBack = useCallback(() => {
    const pane = element.current;
    const top = scroll.get(key);
    if (pane && top !== undefined) pane.scrollTop = top;
  }, [key, scroll]);
  useLayoutEffect(() => {
    const pane = element.current;
    if (!pane) return;
    scrollBack();
    const remember = () => scroll.set(key, pane.scrollTop);
    pane.addEventListener('scroll', remember, { passive: true });
    return () => pane.removeEventListener('scroll', remember);
  }, [key, scroll, scrollBack]);
  return [element, scrollBack] as const;
}
