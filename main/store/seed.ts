import type { Locale } from '../../common/i18n/locale.js';
import type { Preset } from '../../common/preset.js';
import type { Licence } from '../../common/umeet-api.js';

export const SEED_PRESET_ID = 'quick-meeting';
/** Before the licence is known: the smallest tier the service sells. */
const FALLBACK_CAPACITY = 10;

/** The smallest room size the licence has at least one room of. */
export function smallestLicensedCapacity(licence: Licence | undefined): number | undefined {
  if (!licence) return undefined;
  const sizes = Object.entries(licence.capacity)
    .filter(([, rooms]) => rooms > 0)
    .map(([size]) => Number(size))
    .filter((size) => Number.isInteger(size) && size > 0);
  return sizes.length ? Math.min(...sizes) : undefined;
}

/** The one preset a first run starts with: "快速会议" / "Quick meeting", 60 minutes, open as host, copy the invitation. */
export function seedPreset(locale: Locale, licence?: Licence): Preset {
  return {
    id: SEED_PRESET_ID,
    name: locale === 'zh-CN' ? '快速会议' : 'Quick meeting',
    topic: locale === 'zh-CN' ? '快速会议 {date} {time}' : 'Quick meeting {date} {time}',
    capacity: smallestLicensedCapacity(licence) ?? FALLBACK_CAPACITY,
    duration: 60,
    afterCreate: { open: 'start', copy: 'invitation' },
  };
}

/**
 * Once the licence is known, fits the seeded preset to its smallest room size, unless the user
 * has changed that preset in any way (then it is theirs and stays as they left it).
 */
export function refitSeededPreset(preset: Preset, licence: Licence): Preset | undefined {
  const capacity = smallestLicensedCapacity(licence);
  if (preset.id !== SEED_PRESET_ID || capacity === undefined || capacity === preset.capacity) return undefined;
  const pristine = [seedPreset('zh-CN'), seedPreset('en')].some(
    (seed) => JSON.stringify({ ...seed, capacity: preset.capacity }) === JSON.stringify(preset),
  );
  return pristine ? { ...preset, capacity } : undefined;
}
