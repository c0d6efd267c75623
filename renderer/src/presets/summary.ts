import type { MessageKey, Translate } from '../../../common/i18n/index.js';
import type { Preset } from '../../../common/preset.js';
import { triStateFields, type PresetFormValues } from './preset-form.js';

/** One line under a preset's name: size, duration, what happens after creation, and what is free now (once read). */
export function presetSummary(preset: Preset, t: Translate, free?: { free: number }): string {
  const parts = [
    t('tray.presetLabel', {
      name: '',
      capacity: preset.capacity,
      duration: preset.duration ? t('tray.presetDuration', { minutes: preset.duration }) : '',
    }).replace(/^ · /, ''),
    t(
      preset.afterCreate.open === 'start' ? 'editor.openStart' : preset.afterCreate.open === 'join' ? 'editor.openJoin' : 'editor.openNone',
    ),
    ...(free ? [free.free === 0 ? t('presets.noneFree') : t('presets.free', { free: free.free })] : []),
  ];
  return parts.join(' · ');
}

/** What the meeting options amount to, in words: "Muted on entry, host video on", or "All service defaults". */
export function optionsSummary(values: PresetFormValues, t: Translate): string {
  const phrases: string[] = [];
  for (const field of triStateFields) {
    const value = values[field];
    if (value === 'true' || value === 'false') phrases.push(t(`options.${field}.${value}` as MessageKey));
  }
  if (values.recording === 'cloud' || values.recording === 'none') phrases.push(t(`options.recording.${values.recording}`));
  if (!phrases.length) return t('options.allDefault');
  const text = phrases.join(t('options.separator'));
  return text.charAt(0).toUpperCase() + text.slice(1);
}
