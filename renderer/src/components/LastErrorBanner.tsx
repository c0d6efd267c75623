import { localDate, localTime } from '../../../common/format.js';
import type { LastError } from '../../../common/window-state.js';
import { useI18n } from '../i18n.js';
import { useAct } from '../ipc.js';
import { useSession } from '../session.js';

/**
 * The last failure of a start, until the user closes it or a start works: when, which preset, what
 * went wrong (main's text, in the current language), and one step towards the fix.
 */
export function LastErrorBanner({ error, today }: { error: LastError; today: Date }) {
  const { t } = useI18n();
  const act = useAct();
  const { reveal, selectPreset } = useSession();
  const at = new Date(error.at);
  const when = localDate(at) === localDate(today) ? localTime(at) : `${localDate(at)} ${localTime(at)}`;

  const fix = (() => {
    switch (error.fix) {
      case 'credentials':
        return { label: t('banner.fix.credentials'), run: () => reveal('settings', 'api-key') };
      case 'settings':
        return { label: t('banner.fix.settings'), run: () => reveal('settings', 'api-base') };
      case 'proxy':
        return { label: t('banner.fix.proxy'), run: () => reveal('settings', 'proxy-mode') };
      case 'preset':
        return {
          label: t('banner.fix.preset'),
          run: () => {
            if (error.presetId) selectPreset(error.presetId);
            reveal('presets', 'editor-heading');
          },
        };
      case 'check':
        return error.checkId
          ? { label: t('banner.fix.check'), run: () => void act(window.umeet.run({ type: 'check-created', checkId: error.checkId! })) }
          : undefined;
      default:
        return undefined;
    }
  })();

  return (
    <div className="banner error" role="alert" data-testid="last-error">
      <p className="banner-text">
        <time dateTime={error.at}>{when}</time>
        {error.presetName ? t('banner.startFailed', { name: error.presetName, message: error.message }) : error.message}
      </p>
      {error.offer && error.presetId && (
        <button
          type="button"
          className="link"
          onClick={() => void act(window.umeet.run({ type: 'start', presetId: error.presetId!, capacity: error.offer!.capacity }))}
        >
          {t('banner.offer', { capacity: error.offer.capacity })}
        </button>
      )}
      {fix && (
        <button type="button" className="link" onClick={fix.run}>
          {fix.label}
        </button>
      )}
      <button
        type="button"
        className="icon"
        aria-label={t('banner.dismiss')}
        title={t('banner.dismiss')}
        onClick={() => void act(window.umeet.run({ type: 'dismiss-error' }))}
      >
        ×
      </button>
    </div>
  );
}
