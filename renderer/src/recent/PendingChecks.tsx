import { useEffect, useRef, type RefObject } from 'react';
import type { Command } from '../../../common/commands.js';
import type { WindowSnapshot } from '../../../common/window-state.js';
import { useI18n } from '../i18n.js';

/**
 * The starts that may have created a meeting (the connection broke after the request left), each
 * with its "was it created?" check. They stay above the meetings until checked.
 *
 * A check that is answered leaves the list, its button with it. If that button had the focus, the
 * focus goes to the next check, or to the section's heading when none is left, rather than to the
 * page, where a keyboard user would have to start again from the top.
 */
export function PendingChecks(props: {
  checks: WindowSnapshot['pendingChecks'];
  run: (command: Command) => Promise<unknown>;
  busy: ReadonlySet<string>;
  /** Where the focus goes when the last check is gone. */
  fallback: RefObject<HTMLElement | null>;
}) {
  const { t } = useI18n();
  const list = useRef<HTMLUListElement>(null);
  const hadFocus = useRef(false);
  const ids = props.checks.map((check) => check.id).join(' ');

  useEffect(() => {
    const focusLost = !document.activeElement || document.activeElement === document.body;
    if (!hadFocus.current || !focusLost) return;
    const next = list.current?.querySelector('button') ?? props.fallback.current;
    next?.focus();
    hadFocus.current = next !== props.fallback.current;
  }, [ids, props.fallback]);

  if (props.checks.length === 0) return null;
  return (
    <ul
      ref={list}
      className="recent-checks"
      data-testid="pending-checks"
      onFocus={() => (hadFocus.current = true)}
      onBlur={(event) => {
        // A button removed while focused fires no blur, so this runs only when the user moves on.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) hadFocus.current = false;
      }}
    >
      {props.checks.map((check) => (
        <li key={check.id} className="recent-check">
          <p id={`${check.id}-why`}>{t('recent.maybeCreated', { topic: check.topic })}</p>
          <button
            type="button"
            aria-describedby={`${check.id}-why`}
            aria-busy={props.busy.has(check.id)}
            onClick={() => void props.run({ type: 'check-created', checkId: check.id })}
          >
            {t('recent.check')}
          </button>
        </li>
      ))}
    </ul>
  );
}
