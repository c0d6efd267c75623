import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { groupMeetingId } from '../../../common/format.js';
import type { Preset } from '../../../common/preset.js';
import type { PresetInput, WindowSnapshot } from '../../../common/window-state.js';
import { MenuButton, type MenuItem } from '../components/MenuButton.js';
import { useToast } from '../components/Toast.js';
import { useI18n } from '../i18n.js';
import { ask, useAct } from '../ipc.js';
import { say, told } from '../messages.js';
import { usePlatform } from '../platform.js';
import { NEW_PRESET, useSession } from '../session.js';
import { NARROW, useMedia } from '../use-media.js';
import { lazyPart } from '../lazy-part.js';
import type { SaveAnswer } from './PresetEditor.js';
import { PresetList, rowId, type PresetRow } from './PresetList.js';
import { newPreset } from './preset-form.js';

/** The editor (its form library and schemas) in a chunk of its own: the list comes first, the editor just after. */
const Editor = lazyPart(() => import('./PresetEditor.js').then((m) => m.PresetEditor));
export const preloadPresetEditor = Editor.preload;

/**
 * Where focus goes after an action: a row or an element, once it exists and (`when`) once the list
 * shows the action's result. React moves a row by moving its element, which drops the element's focus:
 * `until` keeps the target, to give the focus back after each such move, until main's order agrees.
 */
type FocusTarget = ({ row: string } | { element: string }) & {
  when?: (rows: readonly PresetRow[]) => boolean;
  until?: (rows: readonly PresetRow[]) => boolean;
  select?: boolean;
  applied?: boolean;
};

export function PresetsPage({ snapshot }: { snapshot: WindowSnapshot }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const act = useAct();
  const mac = usePlatform() === 'darwin';
  const { selectedPresetId, selectPreset, drafts, setPresetDraft: setDraft, openSchedule } = useSession();
  const narrow = useMedia(NARROW);
  // In a narrow window the list and the editor take turns; a preset chosen from the list shows the editor.
  const session = useSession();
  const view = session.view['presets.pane'] === 'detail' ? 'detail' : 'list';
  const setView = (pane: 'list' | 'detail') => session.setView('presets.pane', pane === 'detail' ? 'detail' : undefined);
  const { undo } = useSession();

  const newDraft = drafts.presets[NEW_PRESET];
  const [template, setTemplate] = useState<PresetInput>();
  // A move shows at once, and the next key press counts from it. The order shown stays ahead of main's
  // while main catches up (one snapshot per move); any other order from main (the tray) is taken as is.
  const [moving, setMoving] = useState<{ from: string; expected: readonly string[][] }>();
  const mainOrder = snapshot.presets.map((preset) => preset.id).join('\n');
  if (moving && mainOrder !== moving.from) {
    const caughtUpTo = moving.expected.findIndex((ids) => ids.join('\n') === mainOrder);
    if (caughtUpTo === moving.expected.length - 1 || caughtUpTo === -1) setMoving(undefined);
  }
  const presets = useMemo(() => {
    const shown = moving?.expected.at(-1);
    if (!shown) return snapshot.presets;
    const byId = new Map(snapshot.presets.map((preset) => [preset.id, preset]));
    const ordered = shown.flatMap((id) => byId.get(id) ?? []);
    return ordered.length === snapshot.presets.length ? ordered : snapshot.presets;
  }, [moving, snapshot.presets]);
  const companyKey = snapshot.policy.companyPresetIds.join('\n');
  const companyIds = useMemo(() => new Set(companyKey ? companyKey.split('\n') : []), [companyKey]);
  const rowsOf = useCallback(
    (list: readonly Preset[]): PresetRow[] => [
      ...list.map((preset) => ({ id: preset.id, name: preset.name, preset })),
      // The new preset is a row from the moment it is asked for (its draft follows once its form shows).
      ...(newDraft || selectedPresetId === NEW_PRESET ? [{ id: NEW_PRESET, name: String(newDraft?.name || t('presets.newName')) }] : []),
    ],
    [newDraft, selectedPresetId, t],
  );
  const rows = useMemo(() => rowsOf(presets), [rowsOf, presets]);
  // The rows as main has them: where focus waits for a move to have really happened.
  const mainRows = useMemo(() => rowsOf(snapshot.presets), [rowsOf, snapshot.presets]);
  const selectedId = rows.some((row) => row.id === selectedPresetId) ? selectedPresetId : rows[0]?.id;
  const selected = presets.find((preset) => preset.id === selectedId);
  const unsaved = useMemo(() => new Set(Object.keys(drafts.presets)), [drafts]);

  // A preset deleted elsewhere (the tray, an undo) takes its unsaved draft with it.
  useEffect(() => {
    for (const key of unsaved) if (key !== NEW_PRESET && !snapshot.presets.some((preset) => preset.id === key)) setDraft(key, undefined);
  }, [unsaved, snapshot.presets, setDraft]);

  // Focus after an action: set before the action, applied once the list shows its result.
  const pendingFocus = useRef<FocusTarget>(undefined);
  const [focusRequest, setFocusRequest] = useState(0);
  const setFocus = useCallback((target: FocusTarget) => {
    pendingFocus.current = target;
    setFocusRequest((n) => n + 1);
  }, []);
  useEffect(() => {
    const focus = pendingFocus.current;
    if (!focus || (focus.when && !focus.when(rows))) return;
    const element = document.getElementById('row' in focus ? rowId(focus.row) : focus.element);
    if (!element) return;
    // The first time, or again when a move dropped it (to the page's body); never taken from elsewhere.
    if (!focus.applied || document.activeElement === document.body || document.activeElement === null) {
      element.focus();
      if (focus.select && element instanceof HTMLInputElement) element.select();
      focus.applied = true;
    }
    if (!focus.until || focus.until(mainRows)) pendingFocus.current = undefined;
  }, [focusRequest, rows, mainRows, view]);

  const open = (id: string) => {
    selectPreset(id);
    setView('detail');
  };

  const createNew = () => {
    if (!newDraft) setTemplate(newPreset(t('presets.newName'), snapshot.licence));
    selectPreset(NEW_PRESET);
    setView('detail');
    setFocus({ element: 'preset-name', select: !newDraft });
  };

  const save = async (preset: PresetInput): Promise<SaveAnswer> => {
    const answer = await ask(window.umeet.savePreset(preset), t);
    if (!answer.ok) {
      if (answer.error.fields?.length) return { ok: false, fields: answer.error.fields };
      toast({ message: told(answer.error.message, locale), tone: 'error' });
      return { ok: false, fields: [] };
    }
    const wasNew = !preset.id;
    setDraft(wasNew ? NEW_PRESET : answer.value.id, undefined);
    if (wasNew) {
      // The new preset's form becomes the saved preset's: keep the focus where the user was (Enter in a field).
      const focused = document.activeElement?.id;
      selectPreset(answer.value.id);
      if (focused) setFocus({ element: focused, when: (list) => list.some((row) => row.id === answer.value.id) });
    }
    // Made, but not on disk: say so instead of "saved" (main keeps it and writes it later).
    toast(
      answer.notSaved
        ? { message: told(answer.notSaved, locale), tone: 'error' }
        : { message: say('presets.saved', { name: answer.value.name }), tone: 'info' },
    );
    return { ok: true, id: answer.value.id };
  };

  const discard = (id: string) => {
    setDraft(id, undefined);
    if (id === NEW_PRESET) {
      selectPreset(snapshot.presets[0]?.id);
      setView('list');
      setFocus(snapshot.presets[0] ? { row: snapshot.presets[0].id } : { element: 'preset-new' });
    } else {
      setFocus({ element: 'preset-name' });
    }
  };

  const remove = async (id: string) => {
    if (id === NEW_PRESET) return discard(NEW_PRESET);
    const index = rows.findIndex((row) => row.id === id);
    const neighbour = rows[index + 1]?.id !== NEW_PRESET ? (rows[index + 1] ?? rows[index - 1]) : rows[index - 1];
    const removed = await act(window.umeet.deletePreset({ id }));
    if (!removed) return;
    const draft = drafts.presets[id];
    setDraft(id, undefined);
    if (selectedId === id) selectPreset(neighbour?.id);
    setView('list');
    setFocus(neighbour ? { row: neighbour.id } : { element: 'preset-new' });
    const restore = async () => {
      const back = await act(window.umeet.restorePreset({ preset: removed.preset, index: removed.index }));
      if (!back) return;
      if (draft) setDraft(back.id, draft);
      selectPreset(back.id);
      setFocus({ row: back.id, when: (list) => list.some((row) => row.id === back.id) });
    };
    undo.push(restore);
    toast({
      message: say('presets.deleted', { name: removed.preset.name }),
      tone: 'info',
      ttl: 10_000,
      action: { label: 'presets.undo', run: () => void undo.run(restore) },
      // Undone with Ctrl/⌘+Z: the toast's Undo would do nothing, so it goes.
      until: (close) => undo.onUndone(restore, close),
    });
  };

  const move = async (id: string, toIndex: number) => {
    const ids = presets.map((preset) => preset.id);
    const from = ids.indexOf(id);
    const to = Math.max(0, Math.min(ids.length - 1, toIndex));
    if (from < 0 || to === from) return;
    ids.splice(to, 0, ...ids.splice(from, 1));
    setMoving((last) => ({ from: last?.from ?? mainOrder, expected: [...(last?.expected ?? []), ids] }));
    const at = (index: number) => (list: readonly PresetRow[]) => list.findIndex((row) => row.id === id) === index;
    setFocus({ row: id, when: at(to), until: at(to) });
    const moved = await act(window.umeet.movePreset({ id, toIndex: to }));
    if (!moved) {
      setMoving(undefined);
      return;
    }
    undo.push(async () => {
      if (await act(window.umeet.movePreset({ id, toIndex: from }))) setFocus({ row: id, when: at(from), until: at(from) });
    });
  };

  const duplicate = async (id: string) => {
    const copy = await act(window.umeet.duplicatePreset({ id }));
    if (!copy) return;
    selectPreset(copy.id);
    setView('detail');
    setFocus({ element: 'preset-name', when: (list) => list.some((row) => row.id === copy.id) });
    undo.push(async () => {
      if (await act(window.umeet.deletePreset({ id: copy.id }))) {
        selectPreset(id);
        setFocus({ row: id });
      }
    });
  };

  const setDefault = async (id: string | null) => {
    const before = snapshot.defaultPresetId ?? null;
    if (await act(window.umeet.setDefaultPreset({ id })))
      undo.push(async () => void (await act(window.umeet.setDefaultPreset({ id: before }))));
  };

  const start = async (id: string) => {
    const started = await act(window.umeet.run({ type: 'start', presetId: id }));
    if (started?.meetingId) toast({ message: say('presets.started', { id: groupMeetingId(started.meetingId) }), tone: 'info' });
  };

  const importPresets = async () => {
    const imported = await act(window.umeet.importPresets());
    if (imported) toast({ message: say('presets.imported', { count: imported.added, skipped: imported.invalid.length }), tone: 'info' });
  };

  const exportPresets = async () => {
    const exported = await act(window.umeet.exportPresets());
    if (exported) toast({ message: say('presets.exported', { count: exported.count, path: exported.path }), tone: 'info' });
  };

  // Ctrl/⌘+Z anywhere on the page but in a text field (where it undoes typing) undoes the last list action.
  const undoKey = useCallback(
    (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && event.target.matches('input:not([type=radio]), textarea, select');
      if (typing || event.key.toLowerCase() !== 'z' || event.shiftKey || event.altKey || !(mac ? event.metaKey : event.ctrlKey)) return;
      event.preventDefault();
      void undo.run();
    },
    [undo, mac],
  );
  useEffect(() => {
    window.addEventListener('keydown', undoKey);
    return () => window.removeEventListener('keydown', undoKey);
  }, [undoKey]);

  const showList = !narrow || view === 'list' || !selectedId;
  const showEditor = !narrow || (view === 'detail' && Boolean(selectedId));
  // The editor's chunk is fetched once the list is committed, not while it renders: at the first open, React's lazy
  // set-up and the fetch ran inside the render that draws the first row (a trace: 5 to 10 ms of it). Until it is
  // here the pane shows the fallback it would show anyway; if the fetch fails, the Suspense path below tries again.
  const [editorAsked, setEditorAsked] = useState(Editor.isLoaded);
  useEffect(() => {
    if (editorAsked) return;
    let live = true;
    const asked = () => live && setEditorAsked(true);
    Editor.preload().then(asked, asked);
    return () => {
      live = false;
    };
  }, [editorAsked]);
  const editing: PresetInput | undefined =
    selectedId === NEW_PRESET ? (template ?? newPreset(t('presets.newName'), snapshot.licence)) : selected;

  return (
    <div className={`presets-page${narrow ? ' narrow' : ''}`}>
      {showList && (
        <section className="list-pane" aria-labelledby="presets-heading">
          <div className="pane-header">
            <h2 id="presets-heading">{t('nav.presets')}</h2>
            <button
              type="button"
              className="primary"
              id="preset-new"
              onClick={createNew}
              disabled={!snapshot.policy.allowUserPresets}
              aria-describedby={snapshot.policy.allowUserPresets ? undefined : 'presets-policy-note'}
            >
              {t('presets.add')}
            </button>
          </div>
          {rows.length ? (
            <PresetList
              rows={rows}
              defaultPresetId={snapshot.defaultPresetId}
              companyIds={companyIds}
              selectedId={selectedId}
              busy={snapshot.busy}
              unsaved={unsaved}
              roomsFree={snapshot.roomsFree}
              onSelect={(id) => selectPreset(id)}
              onOpen={(id) => {
                open(id);
                if (narrow) setFocus({ element: 'editor-heading' });
              }}
              onMove={(id, toIndex) => void move(id, toIndex)}
              onDelete={(id) => void remove(id)}
              onRefused={(id) =>
                toast({
                  message: say('policy.companyPresetNotDeleted', { name: snapshot.presets.find((p) => p.id === id)?.name ?? '' }),
                  tone: 'info',
                })
              }
            />
          ) : (
            <p className="empty">{t('presets.empty')}</p>
          )}
          <p className="hint list-keys" id="preset-list-keys">
            {t(mac ? 'presets.keysMac' : 'presets.keys')}
          </p>
          {!snapshot.policy.allowUserPresets && (
            <p className="hint" id="presets-policy-note">
              {t('policy.userPresetsForbidden')}
            </p>
          )}
          <div className="pane-footer">
            <button
              type="button"
              onClick={() => void importPresets()}
              disabled={!snapshot.policy.allowPresetImport || !snapshot.policy.allowUserPresets}
            >
              {t('presets.import')}
            </button>
            <button type="button" onClick={() => void exportPresets()} disabled={!snapshot.presets.length}>
              {t('presets.export')}
            </button>
          </div>
        </section>
      )}
      {showEditor && (
        <section className="editor-pane" aria-label={t('presets.editorLabel')}>
          {editing && selectedId && !editorAsked ? (
            <p role="status">{t('about.loading')}</p>
          ) : editing && selectedId ? (
            <Suspense fallback={<p role="status">{t('about.loading')}</p>}>
              <Editor.Part
                key={selectedId}
                preset={editing}
                draftKey={selectedId}
                isNew={selectedId === NEW_PRESET}
                licence={snapshot.licence}
                busy={snapshot.busy.includes(selectedId)}
                isDefault={selectedId === snapshot.defaultPresetId}
                company={companyIds.has(selectedId)}
                mayDuplicate={snapshot.policy.allowUserPresets}
                onSave={save}
                onStart={(id) => void start(id)}
                onSchedule={(preset) => openSchedule({ from: 'preset', preset })}
                onDiscard={() => discard(selectedId)}
                menu={
                  selected && (
                    <PresetMenu
                      preset={selected}
                      index={presets.indexOf(selected)}
                      count={presets.length}
                      company={companyIds.has(selected.id)}
                      companyCount={companyIds.size}
                      mayAdd={snapshot.policy.allowUserPresets}
                      isDefault={selected.id === snapshot.defaultPresetId}
                      mac={mac}
                      onSetDefault={(id) => void setDefault(id)}
                      onDuplicate={(id) => void duplicate(id)}
                      onMove={(id, to) => void move(id, to)}
                      onDelete={(id) => void remove(id)}
                    />
                  )
                }
                onBack={
                  narrow
                    ? () => {
                        setView('list');
                        setFocus({ row: selectedId });
                      }
                    : undefined
                }
              />
            </Suspense>
          ) : (
            <p className="empty">{t('presets.pick')}</p>
          )}
        </section>
      )}
    </div>
  );
}

/** A preset's actions, in the menu of the editor's header. */
function PresetMenu(props: {
  preset: Preset;
  index: number;
  count: number;
  isDefault: boolean;
  mac: boolean;
  /** A company preset: it can be duplicated and made the default, not moved or deleted. */
  company: boolean;
  /** The company presets stay first: the user's own move below them. */
  companyCount: number;
  mayAdd: boolean;
  onSetDefault: (id: string | null) => void;
  onDuplicate: (id: string) => void;
  onMove: (id: string, toIndex: number) => void;
  onDelete: (id: string) => void;
}) {
  const { t } = useI18n();
  const { preset, index } = props;
  const own = !props.company;
  const items: MenuItem[] = [
    {
      key: 'default',
      label: props.isDefault ? t('presets.unsetDefault') : t('presets.setDefault'),
      onSelect: () => props.onSetDefault(props.isDefault ? null : preset.id),
    },
    { key: 'duplicate', label: t('presets.duplicateShort'), disabled: !props.mayAdd, onSelect: () => props.onDuplicate(preset.id) },
    {
      key: 'up',
      label: t('presets.moveUpShort'),
      hint: 'Alt+↑',
      disabled: !own || index <= props.companyCount,
      onSelect: () => props.onMove(preset.id, index - 1),
    },
    {
      key: 'down',
      label: t('presets.moveDownShort'),
      hint: 'Alt+↓',
      disabled: !own || index === props.count - 1,
      onSelect: () => props.onMove(preset.id, index + 1),
    },
    {
      key: 'delete',
      label: t('presets.deleteShort'),
      hint: props.mac ? '⌫' : 'Del',
      danger: true,
      disabled: !own,
      onSelect: () => props.onDelete(preset.id),
    },
  ];
  return (
    <MenuButton label={t('presets.actions', { name: preset.name })} items={items} testId="preset-menu">
      ⋯
    </MenuButton>
  );
}
