import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MessageKey } from '../../../common/i18n/index.js';
import { useI18n } from '../i18n.js';
import { messageText, type Message } from '../messages.js';

export interface ToastInput {
  message: Message;
  tone: 'info' | 'error';
  /** One follow-up, such as Undo; it stays reachable by keyboard while the toast shows. */
  action?: { label: MessageKey; run: () => void };
  /** How long it shows, in ms, not counting the time it is hovered, focused or the window is hidden. */
  ttl?: number;
  /** Closes it early when what it offers is done another way (Undo by Ctrl/⌘+Z): given the close, returns the unsubscribe. */
  until?: (close: () => void) => () => void;
}

interface ToastMessage extends ToastInput {
  id: number;
}

const DEFAULT_TTL_MS = 6000;
/** More than this and the oldest go: the bar stays a line or three, never a wall. */
const MAX_SHOWN = 3;

const ToastContext = createContext<(toast: ToastInput) => void>(() => undefined);

/** Shows a transient message in the window's status bar. */
export const useToast = () => useContext(ToastContext);

/**
 * Transient messages live in the status bar at the bottom of the window, in the page's flow: they
 * push the content up rather than float over it, so they never cover a control. Each pauses while
 * the pointer or the focus is on it, and while the window is hidden.
 */
export function ToastProvider({ children, idle }: { children: ReactNode; idle?: ReactNode }) {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const next = useRef(0);
  const show = useCallback((toast: ToastInput) => setToasts((all) => [...all, { ...toast, id: ++next.current }].slice(-MAX_SHOWN)), []);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((item) => item.id !== id)), []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <footer className="status-bar">
        <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} dismiss={dismiss} />
          ))}
        </div>
        {toasts.length === 0 && idle}
      </footer>
    </ToastContext.Provider>
  );
}

/** A countdown that stops while `paused` and goes on from where it stopped. */
function useCountdown(ms: number, paused: boolean, done: () => void) {
  const remaining = useRef(ms);
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(done, remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current -= Date.now() - started;
    };
  }, [paused, done]);
}

function useWindowHidden(): boolean {
  const [hidden, setHidden] = useState(document.hidden);
  useEffect(() => {
    const update = () => setHidden(document.hidden);
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return hidden;
}

function ToastItem({ toast, dismiss }: { toast: ToastMessage; dismiss: (id: number) => void }) {
  const { t, locale } = useI18n();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const hidden = useWindowHidden();
  const close = useCallback(() => dismiss(toast.id), [dismiss, toast.id]);
  useCountdown(toast.ttl ?? DEFAULT_TTL_MS, hovered || focused || hidden, close);
  const { until } = toast;
  useEffect(() => until?.(close), [until, close]);
  const text = useMemo(() => messageText(toast.message, t, locale), [toast.message, t, locale]);
  // Main's words in a language the user has since left: gone rather than shown in the wrong language.
  useEffect(() => {
    if (text === undefined) close();
  }, [text, close]);
  if (text === undefined) return null;
  return (
    <div
      className={`toast toast-${toast.tone}`}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <span className="toast-text">{text}</span>
      {toast.action && (
        <button
          type="button"
          className="link"
          onClick={() => {
            toast.action?.run();
            close();
          }}
        >
          {t(toast.action.label)}
        </button>
      )}
      <button type="button" className="icon" aria-label={t('toast.dismiss')} title={t('toast.dismiss')} onClick={close}>
        ×
      </button>
    </div>
  );
}
