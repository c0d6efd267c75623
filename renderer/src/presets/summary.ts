import type { Translate } from '../../../common/i18n/index.js';
import type { Preset } from '../../../common/preset.js';

/** One line under a preset's name: size, duration, what happens after creation. */
export function presetSummary(preset: Preset, t: Translate): string {
  const parts = [
    t('tray.presetLabel', {
      name: '',
      capacity: preset.capacity,
      duration: preset.duration ? t('tray.presetDuration', { minutes: preset.duration }) : '',
    }).replace(/^ · /, ''),
    t(
      preset.afterCreate.open === 'start' ? 'editor.openStart' : preset.afterCreate.open === 'join' ? 'editor.openJoin' : 'editor.openNone',
    ),
  ];
  return parts.join(' · ');
}
