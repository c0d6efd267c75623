import { Component, useEffect, useId, type ReactNode } from 'react';
import type { MessageKey } from '../../../common/i18n/index.js';
import { useI18n } from '../i18n.js';

/**
 * - no-bridge: `window.umeet` is missing (the page was opened outside the app);
 * - crash: something threw while drawing the window;
 * - section: something threw while drawing one section; the shell around it still works.
 */
export type FailureKind = 'no-bridge' | 'crash' | 'section';

const texts: Record<FailureKind, { title: MessageKey; body: MessageKey }> = {
  'no-bridge': { title: 'failure.noBridgeTitle', body: 'failure.noBridge' },
  crash: { title: 'failure.crashTitle', body: 'failure.crash' },
  section: { title: 'failure.sectionTitle', body: 'failure.section' },
};

/** The user's way out of a failure: what happened, in their language, and a Reload button. */
export function Failure({ kind, details }: { kind: FailureKind; details?: string }) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const whole = kind !== 'section';
  useEffect(() => {
    if (!whole) return;
    document.documentElement.lang = locale;
    document.title = t('window.title');
  }, [whole, locale, t]);
  const { title, body } = texts[kind];
  const content = (
    <section className="failure card" aria-labelledby={titleId} data-testid="failure">
      <div role="alert">
        <h2 id={titleId}>{t(title)}</h2>
        <p>{t(body)}</p>
      </div>
      {details && (
        <details>
          <summary>{t('failure.details')}</summary>
          <pre>{details}</pre>
        </details>
      )}
      <button type="button" className="primary" onClick={() => window.location.reload()}>
        {t('failure.reload')}
      </button>
    </section>
  );
  return whole ? <main className="content failure-page">{content}</main> : content;
}

interface BoundaryProps {
  kind: 'crash' | 'section';
  children: ReactNode;
}

type BoundaryState = { failed: false } | { failed: true; details: string };

/**
 * Shows `Failure` instead of a blank page when its children throw while rendering. React logs
 * the error to the console itself. To start over on a new section, give the boundary a new `key`.
 */
export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { failed: true, details: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    return this.state.failed ? <Failure kind={this.props.kind} details={this.state.details} /> : this.props.children;
  }
}
