import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Section } from '../../common/commands.js';
import type { WindowUi } from '../../common/window-state.js';

/** A form's unsaved values, exactly as its inputs hold them (plain data: it can be kept and restored). */
export type FormDraft = Record<string, unknown>;

/** The key of the draft of a preset not saved yet. */
export const NEW_PRESET = 'new';
/** The keys of the settings' draft and of the schedule form's (Upcoming); every other draft is a preset's. */
export const SETTINGS_DRAFT = 'settings';
export const SCHEDULE_DRAFT = 'schedule';
export const isPresetDraft = (key: string): boolean => key !== SETTINGS_DRAFT && key !== SCHEDULE_DRAFT;

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
  /** Drafts by preset id (NEW_PRESET for the one being created) and 'settings'. */
  drafts: Readonly<Record<string, FormDraft>>;
  setDraft(key: string, draft: FormDraft | undefined): void;
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
}

/** Undo goes this far back; older actions are let go. */
const UNDO_DEPTH = 20;
/** The window's state goes to main this long after it last changed, or at once when the window is hidden. */
const KEEP_AFTER_MS = 300;

function useUndoStack(): Undo {
  const stack = useRef<(() => Promise<void>)[]>([]);
  return useMemo(
    () => ({
      push(action) {
        stack.current = [...stack.current, action].slice(-UNDO_DEPTH);
      },
      async run(action) {
        const chosen = action ?? stack.current.at(-1);
        if (!chosen || !stack.current.includes(chosen)) return;
        stack.current = stack.current.filter((item) => item !== chosen);
        await chosen();
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
  const [drafts, setDrafts] = useState<Record<string, FormDraft>>(() => ({ ...(saved?.drafts ?? {}) }));
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

  const setDraft = useCallback(
    (key: string, draft: FormDraft | undefined) => setDrafts((all) => (draft === undefined ? without(all, key) : { ...all, [key]: draft })),
    [],
  );
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
    () => ({ section, showSection, reveal, revealed, selectedPresetId, selectPreset, drafts, setDraft, view, setView, scroll, undo }),
    [section, reveal, revealed, selectedPresetId, drafts, setDraft, view, setView, scroll, undo],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * Remembers where a scrolling pane was, and puts it back there when the pane is drawn again (another
 * section and back, or a window made afresh). Returns the ref for the pane's element.
 */
export function useScrollMemory<T extends HTMLElement>(key: string) {
  const { scroll } = useSession();
  const element = useRef<T>(null);
  useLayoutEffect(() => {
    const pane = element.current;
    if (!pane) return;
    const top = scroll.get(key);
    if (top !== undefined) pane.scrollTop = top;
    const remember = () => scroll.set(key, pane.scrollTop);
    pane.addEventListener('scroll', remember, { passive: true });
    return () => pane.removeEventListener('scroll', remember);
  }, [key, scroll]);
  return element;
}
