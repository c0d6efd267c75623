import { lazy, Suspense, useEffect, useLayoutEffect, useState } from 'react';
import type { MessageKey } from '../../common/i18n/index.js';
import type { AppInfo } from '../../common/app-info.js';
import type { Section } from '../../common/commands.js';
import { isSection } from '../../common/sections.js';
import type { WindowSnapshot, WindowUi } from '../../common/window-state.js';
import { firstWords, heldWords, type Words } from './catalogues.js';
import { ErrorBoundary, Failure } from './components/ErrorBoundary.js';
import { takeFirst } from './first-answers.js';
import { LastErrorBanner } from './components/LastErrorBanner.js';
import { ToastProvider } from './components/Toast.js';
import { I18nProvider, useI18n } from './i18n.js';
import { lazyPart } from './lazy-part.js';
import { PresetsPage, preloadPresetEditor } from './presets/PresetsPage.js';
import { SessionProvider, unsavedSections, useScrollMemoryPane, useSession, type Drafts } from './session.js';
import { useSnapshot, type SnapshotState } from './use-snapshot.js';
import { DesktopProvider, PlatformProvider } from './platform.js';

const sections: [Section, MessageKey][] = [
  ['presets', 'nav.presets'],
  ['upcoming', 'nav.upcoming'],
  ['recent', 'nav.recent'],
  ['settings', 'nav.settings'],
  // Last: the other tabs keep their places (and their keyboard order) for those who never need it.
  ['usage', 'nav.usage'],
];

/** The Usage section and its charts: a chunk of its own, loaded when the section first opens (the entry's budget). */
const UsagePage = lazy(() => import('./usage/UsagePage.js'));
// The sections not shown first, each a chunk of its own (docs/performance.md, "The window"): the first open parses
// and runs the presets list's code only. They are fetched once the list is up (`preloadSections`).
const Upcoming = lazyPart(() => import('./upcoming/UpcomingPage.js').then((m) => m.UpcomingPage));
const Recent = lazyPart(() => import('./recent/RecentPage.js').then((m) => m.RecentPage));
const Settings = lazyPart(() => import('./settings/SettingsPage.js').then((m) => m.SettingsPage));

/** Fetches the other sections and the preset editor while the window is idle, so that opening them shows no fallback. */
function preloadSections(): () => void {
  const preload = () => {
    for (const part of [preloadPresetEditor, Upcoming.preload, Recent.preload, Settings.preload]) part().catch(() => undefined);
  };
  if (typeof window.requestIdleCallback !== 'function') {
    const timer = window.setTimeout(preload, 0);
    return () => window.clearTimeout(timer);
  }
  const idle = window.requestIdleCallback(preload, { timeout: 500 });
  return () => window.cancelIdleCallback(idle);
}

/** The section main asked for in the URL's hash (e.g. "Set up credentials…" opens #settings), if it asked. */
const askedSection = (): Section | undefined => {
  const asked = window.location.hash.slice(1);
  return isSection(asked) ? asked : undefined;
};

/**
 * What the last window kept (main lets a closed window go after a while): asked once, before the
 * session starts, so the window opens as the last one was. Undefined while asking; null for none.
 */
function useSavedUi(): WindowUi | null | undefined {
  const [saved, setSaved] = useState<WindowUi | null>();
  useEffect(() => {
    void (takeFirst('savedUi') ?? window.umeet.savedUi()).then(
      (answer) => setSaved(answer.ok ? answer.value : null),
      () => setSaved(null),
    );
  }, []);
  return saved;
}

/** Main's language and its words (catalogues.ts), asked with the first answers: undefined while asking. */
function useFirstWords(): Words | { failed: string } | undefined {
  const [words, setWords] = useState<Words | { failed: string }>();
  useEffect(() => {
    void firstWords().then(
      (answer) => setWords(answer.ok ? answer.value : { failed: answer.error.message }),
      (error: unknown) => setWords({ failed: String(error) }),
    );
  }, []);
  return words;
}

/** How long a reveal waits for its section's chunk before it gives up focusing (the section shows all the same). */
const REVEAL_WAIT_MS = 5_000;

export function App() {
  const current = useSnapshot();
  const saved = useSavedUi();
  // Null when main could not say (the window goes on without its facts).
  const [info, setInfo] = useState<AppInfo | null>();
  useEffect(() => {
    void (takeFirst('appInfo') ?? window.umeet.appInfo()).then(
      (answer) => setInfo(answer.ok ? answer.value : null),
      () => setInfo(null),
    );
  }, []);
  const first = useFirstWords();
  const ready = current.state === 'ready';
  useEffect(() => (ready ? preloadSections() : undefined), [ready]);
  // Without its words the window can say only that it failed (in the built-in words, main.tsx's).
  if (first && 'failed' in first) return <Failure kind="crash" details={first.failed} />;
  // A state is ready only once its language's words are here (use-snapshot.ts); until then, main's first language.
  const words = (current.state === 'ready' ? heldWords(current.snapshot.locale) : undefined) ?? first;
  // The skeleton stays until all of main's first answers are in: the window is drawn once, whole (each answer
  // drawn as it came made a commit of the whole shell for each: docs/performance.md, "The window").
  const waiting = saved === undefined || words === undefined || info === undefined || current.state === 'loading';
  return (
    <I18nProvider locale={words?.locale ?? 'en'} messages={words?.messages ?? {}}>
      <PlatformProvider platform={info?.platform}>
        <DesktopProvider desktop={info?.desktop}>
          {waiting ? (
            // As index.html painted it: no blank frame, and no half-drawn one, while main's first answers are on their way.
            <div className="window-skeleton" aria-hidden="true" />
          ) : (
            <SessionProvider initialSection={askedSection() ?? saved?.section ?? 'presets'} saved={saved}>
              <Shell current={current} info={info ?? undefined} />
            </SessionProvider>
          )}
        </DesktopProvider>
      </PlatformProvider>
    </I18nProvider>
  );
}

/** Runs `run` when committed: inside a Suspense boundary, once the boundary's content has arrived, not before. */
function Arrived({ run }: { run: () => void }) {
  useLayoutEffect(() => run(), [run]);
  return null;
}

/** The marks a section's tab carries: something needs the user's attention, or an edit is not saved yet. */
function marks(section: Section, snapshot: WindowSnapshot, drafts: Drafts): MessageKey[] {
  const found: MessageKey[] = [];
  // Until the service has accepted the credentials: missing, refused or not checked yet.
  if (section === 'settings' && snapshot.credentials.verification.state !== 'verified') found.push('nav.needsAttention');
  if (unsavedSections(drafts).includes(section)) found.push('nav.unsaved');
  return found;
}

function Shell({ current, info }: { current: SnapshotState; info: AppInfo | undefined }) {
  const { t, locale } = useI18n();
  const { section, showSection, drafts, revealed } = useSession();
  // A section that arrives after its fallback (lazyPart) is scrolled to where it was once it is there.
  const [content, scrollBack] = useScrollMemoryPane<HTMLElement>(`content:${section}`);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('window.title');
  }, [locale, t]);
  useEffect(() => window.umeet.onNavigate(({ section: next }) => showSection(next)), [showSection]);
  // Main asks before quitting while edits are not saved: it is told where they are, whenever that changes.
  const unsaved = unsavedSections(drafts).join(' ');
  useEffect(() => {
    const sections = unsaved ? (unsaved.split(' ') as Section[]) : [];
    void window.umeet.windowState({ unsaved: sections }).catch(() => undefined);
  }, [unsaved]);
  // A reveal (the error banner's "Check the credentials"…) focuses its element once the section is drawn. The
  // section may be a chunk still on its way (lazy-part.tsx), so it is looked for frame by frame, for a few seconds.
  useEffect(() => {
    if (!revealed) return;
    const started = performance.now();
    let frame = 0;
    const focusWhenDrawn = () => {
      const element = document.getElementById(revealed.elementId);
      if (element) element.focus();
      else if (performance.now() - started < REVEAL_WAIT_MS) frame = window.requestAnimationFrame(focusWhenDrawn);
    };
    frame = window.requestAnimationFrame(focusWhenDrawn);
    return () => window.cancelAnimationFrame(frame);
  }, [revealed]);

  const appInfo = info && (
    <span data-testid="app-info" className="app-info">
      <span data-testid="app-version">
        {info.name} {info.version}
      </span>{' '}
      · <span data-testid="app-platform">{t(`platform.${info.platform}`)}</span> ·{' '}
      <span data-testid="app-locale">{t(`locale.${locale}`)}</span>
    </span>
  );

  return (
    <div className="shell">
      <ToastProvider idle={appInfo}>
        <header className="shell-header">
          <h1>{t('app.title')}</h1>
          <nav aria-label={t('nav.label')}>
            {sections.map(([id, label]) => {
              const found = current.state === 'ready' ? marks(id, current.snapshot, drafts) : [];
              return (
                <button
                  key={id}
                  type="button"
                  className="tab"
                  aria-current={section === id ? 'page' : undefined}
                  onClick={() => showSection(id)}
                >
                  {t(label)}
                  {found.map((mark) => (
                    <span key={mark} className={`dot dot-${mark === 'nav.unsaved' ? 'unsaved' : 'attention'}`} aria-label={t(mark)} />
                  ))}
                </button>
              );
            })}
          </nav>
        </header>
        {current.state === 'ready' && (
          <div className="banners">
            {info?.desktop?.noTray && (
              <p className="banner" role="status" data-testid="no-tray">
                {t('desktop.noTray')}
              </p>
            )}
            {current.snapshot.saveProblem && (
              <p className="banner error" role="alert" data-testid="save-problem">
                {current.snapshot.saveProblem}
              </p>
            )}
            {current.snapshot.lastError && <LastErrorBanner error={current.snapshot.lastError} today={new Date()} />}
          </div>
        )}
        <main className="content" data-section={section} ref={content}>
          {current.state === 'loading' && <p role="status">{t('about.loading')}</p>}
          {current.state === 'failed' && (
            <p role="alert" className="error">
              {current.message ?? t('ipc.internal')}
            </p>
          )}
          {current.state === 'ready' && (
            // A section that throws shows a failure in its place; the header still switches sections, and a new one starts afresh.
            <ErrorBoundary key={`${section}-${revealed?.count ?? 0}`} kind="section">
              {section === 'presets' && <PresetsPage snapshot={current.snapshot} />}
              <Suspense fallback={<p role="status">{t(section === 'usage' ? 'usage.loading' : 'about.loading')}</p>}>
                {section === 'upcoming' && <Upcoming.Part snapshot={current.snapshot} />}
                {section === 'recent' && <Recent.Part snapshot={current.snapshot} />}
                {section === 'usage' && <UsagePage />}
                {section === 'settings' && <Settings.Part snapshot={current.snapshot} />}
                <Arrived key={section} run={scrollBack} />
              </Suspense>
            </ErrorBoundary>
          )}
        </main>
      </ToastProvider>
    </div>
  );
}
