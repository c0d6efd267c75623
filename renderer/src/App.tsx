import { useEffect, useMemo } from 'react';
import { translator, pickLocale, type Translate } from '../../common/i18n/index.js';
import type { AppInfo } from '../../common/app-info.js';
import { useIpcRead, type Loadable } from './use-ipc.js';

// Stable reference, so the effect in useIpcRead runs once.
const readAppInfo = () => window.umeet.appInfo();

function failureText(t: Translate, result: Extract<Loadable<AppInfo>, { state: 'failed' }>): string {
  const { error } = result;
  switch (error.kind) {
    case 'invalid-request':
      return t('ipc.invalidRequest', { details: error.issues.map((i) => `${i.path || '·'}: ${i.message}`).join('; ') });
    case 'forbidden':
      return t('ipc.forbidden');
    case 'internal':
      return t('ipc.internal');
    case 'transport':
      return error.message;
  }
}

export function App() {
  const info = useIpcRead(readAppInfo);
  // Until main has said which language the app speaks, follow the browser's own preference.
  const locale = info.state === 'ready' ? info.value.locale : pickLocale(navigator.languages);
  const t = useMemo(() => translator(locale), [locale]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('window.title');
  }, [locale, t]);

  return (
    <main className="shell">
      <header className="shell-header">
        <h1>{t('app.title')}</h1>
      </header>
      <section aria-labelledby="about-heading" className="card">
        <h2 id="about-heading">{t('about.heading')}</h2>
        {info.state === 'loading' && <p role="status">{t('about.loading')}</p>}
        {info.state === 'failed' && (
          <p role="alert" className="error">
            {t('about.failed', { reason: failureText(t, info) })}
          </p>
        )}
        {info.state === 'ready' && (
          <dl className="facts" data-testid="app-info">
            <dt>{t('about.version')}</dt>
            <dd data-testid="app-version">
              {info.value.name} {info.value.version}
            </dd>
            <dt>{t('about.platform')}</dt>
            <dd data-testid="app-platform">{t(`platform.${info.value.platform}`)}</dd>
            <dt>{t('about.locale')}</dt>
            <dd data-testid="app-locale">{t(`locale.${info.value.locale}`)}</dd>
          </dl>
        )}
      </section>
    </main>
  );
}
