import { useCallback, useEffect, useState } from 'react';
import { pickLocale } from '../../common/i18n/index.js';
import type { MessageKey } from '../../common/i18n/index.js';
import type { AppInfo } from '../../common/app-info.js';
import { Section } from '../../common/commands.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { Toasts, type ToastMessage } from './components/Toast.js';
import { I18nProvider, useI18n } from './i18n.js';
import { PresetsPage } from './presets/PresetsPage.js';
import { RecentPage } from './recent/RecentPage.js';
import { SettingsPage } from './settings/SettingsPage.js';
import { useSnapshot, type SnapshotState } from './use-snapshot.js';

const sections: [Section, MessageKey][] = [
  ['presets', 'nav.presets'],
  ['recent', 'nav.recent'],
  ['settings', 'nav.settings'],
];

/** The section main asked for in the URL's hash (e.g. "Set up credentials…" opens #settings). */
const initialSection = (): Section => {
  const parsed = Section.safeParse(window.location.hash.slice(1));
  return parsed.success ? parsed.data : 'presets';
};

export function App() {
  const current = useSnapshot();
  // Until main has answered, follow the browser's own language.
  const locale = current.state === 'ready' ? current.snapshot.locale : pickLocale(navigator.languages);
  return (
    <I18nProvider locale={locale}>
      <Shell current={current} />
    </I18nProvider>
  );
}

function Shell({ current }: { current: SnapshotState }) {
  const { t, locale } = useI18n();
  const [section, setSection] = useState<Section>(initialSection);
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const [info, setInfo] = useState<AppInfo>();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('window.title');
  }, [locale, t]);
  useEffect(() => window.umeet.onNavigate(({ section: next }) => setSection(next)), []);
  useEffect(() => {
    void window.umeet.appInfo().then((answer) => answer.ok && setInfo(answer.value));
  }, []);

  const toast = useCallback(
    (message: Omit<ToastMessage, 'id'>) => setToasts((all) => [...all, { ...message, id: Date.now() + Math.random() }]),
    [],
  );
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((item) => item.id !== id)), []);

  return (
    <div className="shell">
      <header className="shell-header">
        <h1>{t('app.title')}</h1>
        <nav aria-label={t('nav.label')}>
          {sections.map(([id, label]) => (
            <button
              key={id}
              type="button"
              className="tab"
              aria-current={section === id ? 'page' : undefined}
              onClick={() => setSection(id)}
            >
              {t(label)}
              {id === 'settings' && current.state === 'ready' && current.snapshot.credentials.verification.state !== 'verified' && (
                <span className="dot" aria-label={t('nav.needsAttention')} />
              )}
            </button>
          ))}
        </nav>
      </header>
      <main className="content">
        {current.state === 'loading' && <p role="status">{t('about.loading')}</p>}
        {current.state === 'failed' && (
          <p role="alert" className="error">
            {current.message ?? t('ipc.internal')}
          </p>
        )}
        {current.state === 'ready' && (
          <>
            {current.snapshot.saveProblem && (
              <p className="banner error" role="alert" data-testid="save-problem">
                {current.snapshot.saveProblem}
              </p>
            )}
            {current.snapshot.lastError && (
              <p className="banner error" role="alert">
                {current.snapshot.lastError.message}
              </p>
            )}
            {/* A section that throws shows a failure in its place; the header still switches sections, and a new one starts afresh. */}
            <ErrorBoundary key={section} kind="section">
              {section === 'presets' && <PresetsPage snapshot={current.snapshot} toast={toast} />}
              {section === 'recent' && <RecentPage snapshot={current.snapshot} toast={toast} />}
              {section === 'settings' && <SettingsPage snapshot={current.snapshot} />}
            </ErrorBoundary>
          </>
        )}
      </main>
      <footer className="shell-footer">
        {info && (
          <span data-testid="app-info">
            <span data-testid="app-version">
              {info.name} {info.version}
            </span>{' '}
            · <span data-testid="app-platform">{t(`platform.${info.platform}`)}</span> ·{' '}
            <span data-testid="app-locale">{t(`locale.${locale}`)}</span>
          </span>
        )}
      </footer>
      <Toasts toasts={toasts} dismiss={dismiss} />
    </div>
  );
}
