import { readFile, writeFile } from 'node:fs/promises';
import type { Translate } from '../../common/i18n/index.js';
import type { Preset } from '../../common/preset.js';
import { fail, ok, toResult, type Checked, type Result } from '../../common/result.js';
import type { Confirm, FileDialogs } from '../ports.js';
import type { AppStore } from './app-store.js';
import { exportPresets, planImport, uniqueName } from './presets-io.js';
import { settled } from './saved.js';

/**
 * What the window can do to the presets, as answers a person can read: each change checked by the
 * store, then waited on until it is on disk (or told why not); import and export through native
 * dialogs, files read and written here, in main.
 */
export function createPresetActions(deps: { store: AppStore; files: FileDialogs; confirm: Confirm; t: () => Translate; now: () => Date }) {
  const { store } = deps;
  const answer = <T>(checked: Checked<T>): Promise<Result<T>> => settled(store, toResult(checked, deps.t()), deps.t);
  const missing = () => fail('not-found', deps.t()('meeting.unknownPreset'));

  return {
    save: (input: unknown) => answer<Preset>(store.savePreset(input)),

    remove: async ({ id }: { id: string }): Promise<Result<{ preset: Preset; index: number }>> => {
      const index = store.presets().findIndex((p) => p.id === id);
      const preset = store.deletePreset(id);
      return preset ? settled(store, ok({ preset, index }), deps.t) : missing();
    },

    restore: ({ preset, index }: { preset: Preset; index: number }) => answer<Preset>(store.restorePreset(preset, index)),

    move: async ({ id, toIndex }: { id: string; toIndex: number }): Promise<Result<Record<string, never>>> =>
      store.movePreset(id, toIndex) ? settled(store, ok({}), deps.t) : missing(),

    /** A copy right after the original, named "… (copy)" and made unique. */
    duplicate: async ({ id }: { id: string }): Promise<Result<Preset>> => {
      const original = store.preset(id);
      if (!original) return missing();
      const { id: _id, ...copy } = original;
      const name = uniqueName(`${original.name}${deps.t()('preset.copySuffix')}`, new Set(store.presets().map((p) => p.name)));
      const saved = store.savePreset({ ...copy, name });
      if (saved.ok) store.movePreset(saved.value.id, store.presets().findIndex((p) => p.id === id) + 1);
      return answer(saved);
    },

    setDefault: async ({ id }: { id: string | null }): Promise<Result<Record<string, never>>> =>
      store.setDefaultPreset(id ?? undefined) ? settled(store, ok({}), deps.t) : missing(),

    /** `which`: the presets to write (the user's own, under a policy); all of them by default. */
    async export(which: () => readonly Preset[] = store.presets): Promise<Result<{ path: string; count: number }>> {
      const t = deps.t();
      const path = await deps.files.chooseExportPath({ title: t('export.dialogTitle'), defaultName: 'umeet-presets.json' });
      if (!path) return fail('cancelled', '');
      try {
        const written = which();
        await writeFile(path, exportPresets(written, deps.now()), { mode: 0o600 });
        return ok({ path, count: written.length });
      } catch {
        return fail('failed', t('presets.exportFailed'));
      }
    },

    /** Only ever adds presets (fresh ids, names made unique), after the user saw what and confirmed. */
    async import(): Promise<
      Result<{ added: number; renamed: { from: string; to: string }[]; invalid: { index: number; reason: string }[] }>
    > {
      const t = deps.t();
      const path = await deps.files.chooseImportFile({ title: t('import.dialogTitle') });
      if (!path) return fail('cancelled', '');
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        return fail('failed', t('presets.importFailed.failed'));
      }
      const planned = planImport(store.presets(), text);
      if (!planned.ok) return fail('failed', t(`presets.importFailed.${planned.reason}`));
      const { plan } = planned;
      const confirmed = await deps.confirm({
        title: t('import.confirmTitle'),
        message: t('import.confirmMessage', { count: plan.toAdd.length }),
        detail: [
          plan.renamed.length ? t('import.confirmRenamed', { list: plan.renamed.map((r) => `${r.from} → ${r.to}`).join(', ') }) : '',
          plan.invalid.length ? t('import.confirmInvalid', { count: plan.invalid.length }) : '',
        ]
          .filter(Boolean)
          .join('\n'),
        confirm: t('import.confirmButton'),
        cancel: t('meeting.cancelButton'),
      });
      if (!confirmed) return fail('cancelled', '');
      const added = store.appendPresets(plan.toAdd);
      return settled(store, ok({ added: added.length, renamed: plan.renamed, invalid: plan.invalid }), deps.t);
    },
  };
}
export type PresetActions = ReturnType<typeof createPresetActions>;
