import { useState } from 'react';
import type { WindowSnapshot, PresetInput } from '../../../common/window-state.js';
import { useI18n } from '../i18n.js';
import { ask, call } from '../ipc.js';
import { PresetEditor } from './PresetEditor.js';
import { PresetList } from './PresetList.js';
import { newPreset } from './preset-form.js';
import type { ToastMessage } from '../components/Toast.js';

export function PresetsPage({ snapshot, toast }: { snapshot: WindowSnapshot; toast: (message: Omit<ToastMessage, 'id'>) => void }) {
  const { t } = useI18n();
  const [selectedId, setSelectedId] = useState<string | undefined>(snapshot.presets[0]?.id);
  const [draft, setDraft] = useState<PresetInput>();
  const selected = snapshot.presets.find((p) => p.id === selectedId);
  const editing: PresetInput | undefined = draft ?? selected;

  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      toast({ text: (error as Error).message, tone: 'error' });
      return undefined;
    }
  };

  const save = async (preset: PresetInput) => {
    const answer = await ask(window.umeet.savePreset(preset), t);
    if (!answer.ok) {
      const [field] = answer.error.fields ?? [];
      if (field) return { ok: false as const, field: field.field, message: field.message };
      toast({ text: answer.error.message, tone: 'error' });
      return { ok: false as const, field: 'name', message: answer.error.message };
    }
    setDraft(undefined);
    setSelectedId(answer.value.id);
    // Made, but not on disk: say so instead of "saved" (main keeps it and writes it later).
    toast(
      answer.notSaved ? { text: answer.notSaved, tone: 'error' } : { text: t('presets.saved', { name: answer.value.name }), tone: 'info' },
    );
    return { ok: true as const, id: answer.value.id };
  };

  const remove = async (id: string) => {
    const removed = await run(() => call(window.umeet.deletePreset({ id }), t));
    if (!removed) return;
    const { preset, index } = removed;
    if (selectedId === id) setSelectedId(undefined);
    toast({
      text: t('presets.deleted', { name: preset.name }),
      tone: 'info',
      ttl: 8000,
      action: { label: t('presets.undo'), run: () => void run(() => call(window.umeet.restorePreset({ preset, index }), t)) },
    });
  };

  const duplicate = async (id: string) => {
    const copy = await run(() => call(window.umeet.duplicatePreset({ id }), t));
    if (copy) setSelectedId(copy.id);
  };

  const start = async (id: string) => {
    const started = await run(() => call(window.umeet.run({ type: 'start', presetId: id }), t));
    if (started?.meetingId) toast({ text: t('presets.started', { id: started.meetingId }), tone: 'info' });
  };

  const importPresets = async () => {
    const imported = await run(() => call(window.umeet.importPresets(), t));
    if (imported) toast({ text: t('presets.imported', { count: imported.added, skipped: imported.invalid.length }), tone: 'info' });
  };

  const exportPresets = async () => {
    const exported = await run(() => call(window.umeet.exportPresets(), t));
    if (exported) toast({ text: t('presets.exported', { count: exported.count, path: exported.path }), tone: 'info' });
  };

  return (
    <div className="presets-page">
      <section className="list-pane" aria-labelledby="presets-heading">
        <div className="pane-header">
          <h2 id="presets-heading">{t('nav.presets')}</h2>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setDraft(newPreset(t('presets.newName'), snapshot.licence));
              setSelectedId(undefined);
            }}
          >
            {t('presets.add')}
          </button>
        </div>
        {snapshot.presets.length ? (
          <PresetList
            presets={snapshot.presets}
            defaultPresetId={snapshot.defaultPresetId}
            selectedId={draft ? undefined : selectedId}
            busy={snapshot.busy}
            onSelect={(id) => {
              setDraft(undefined);
              setSelectedId(id);
            }}
            onMove={(id, toIndex) => void run(() => call(window.umeet.movePreset({ id, toIndex: Math.max(0, toIndex) }), t))}
            onDuplicate={(id) => void duplicate(id)}
            onDelete={(id) => void remove(id)}
            onSetDefault={(id) => void run(() => call(window.umeet.setDefaultPreset({ id }), t))}
          />
        ) : (
          <p className="empty">{t('presets.empty')}</p>
        )}
        <div className="pane-footer">
          <button type="button" onClick={() => void importPresets()}>
            {t('presets.import')}
          </button>
          <button type="button" onClick={() => void exportPresets()} disabled={!snapshot.presets.length}>
            {t('presets.export')}
          </button>
        </div>
      </section>
      <section className="editor-pane">
        {editing ? (
          <PresetEditor
            key={editing.id ?? 'draft'}
            preset={editing}
            licence={snapshot.licence}
            busy={Boolean(editing.id && snapshot.busy.includes(editing.id))}
            onSave={save}
            onStart={(id) => void start(id)}
          />
        ) : (
          <p className="empty">{t('presets.pick')}</p>
        )}
      </section>
    </div>
  );
}
