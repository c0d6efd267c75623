import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Section } from '../../common/commands.js';

/** A form's unsaved values, exactly as its inputs hold them (plain data: it can be kept and restored). */
export type FormDraft = Record<string, unknown>;

/** The key of the draft of a preset not saved yet. */
export const NEW_PRESET = 'new';

/**
 * What the window remembers while the user moves around it: the section, the selected preset, and
 * every unsaved edit. No edit is lost by switching presets or sections: it stays a draft, marked as
 * unsaved, until it is saved or discarded.
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

export function SessionProvider({ initialSection, children }: { initialSection: Section; children: ReactNode }) {
  const [section, showSection] = useState<Section>(initialSection);
  const [revealed, setRevealed] = useState<{ elementId: string; count: number }>();
  const reveal = useCallback((next: Section, elementId: string) => {
    showSection(next);
    setRevealed((last) => ({ elementId, count: (last?.count ?? 0) + 1 }));
  }, []);
  const [selectedPresetId, selectPreset] = useState<string>();
  const [drafts, setDrafts] = useState<Record<string, FormDraft>>({});
  const undo = useUndoStack();
  const setDraft = useCallback(
    (key: string, draft: FormDraft | undefined) =>
      setDrafts((all) => {
        if (draft === undefined) {
          if (!(key in all)) return all;
          const { [key]: _gone, ...rest } = all;
          return rest;
        }
        return { ...all, [key]: draft };
      }),
    [],
  );
  const value = useMemo(
    () => ({ section, showSection, reveal, revealed, selectedPresetId, selectPreset, drafts, setDraft, undo }),
    [section, reveal, revealed, selectedPresetId, drafts, setDraft, undo],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
