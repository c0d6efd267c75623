// First: asks main for what the window shows before anything else runs (first-answers.ts).
import './first-answers.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickLocale } from '../../common/i18n/pick-locale.js';
import { App } from './App.js';
import { builtInMessages } from './built-in-messages.js';
import { ErrorBoundary, Failure } from './components/ErrorBoundary.js';
import { I18nProvider } from './i18n.js';
import './styles.css';

/** The preload defines `window.umeet`; a page opened outside the app (a browser, a wrong window) has none. */
const hasBridge = () => typeof (window as { umeet?: unknown }).umeet === 'object' && window.umeet !== null;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Outside App, main's language is not known: failures here follow the browser's, in the words the window bundles.
const locale = pickLocale(navigator.languages);
createRoot(root).render(
  <StrictMode>
    <I18nProvider locale={locale} messages={builtInMessages[locale]}>
      <ErrorBoundary kind="crash">{hasBridge() ? <App /> : <Failure kind="no-bridge" />}</ErrorBoundary>
    </I18nProvider>
  </StrictMode>,
);
