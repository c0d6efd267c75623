import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** The visible band an element's menu can use: the window, narrowed by every ancestor that clips or scrolls. */
function clipOf(element: HTMLElement): { top: number; bottom: number } {
  let top = 0;
  let bottom = window.innerHeight;
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (!/(auto|scroll|hidden)/.test(getComputedStyle(node).overflowY)) continue;
    const rect = node.getBoundingClientRect();
    top = Math.max(top, rect.top);
    bottom = Math.min(bottom, rect.bottom);
  }
  return { top, bottom };
}

export interface MenuItem {
  key: string;
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  danger?: boolean;
  /** A key hint shown at the right, e.g. "Alt+↑". */
  hint?: string;
}

/**
 * A button that opens a menu (WAI-ARIA's menu button pattern): Enter, Space or ↓ opens it on the
 * first item, ↑ on the last; ↑/↓/Home/End move; Escape or Tab closes it and focus returns to the
 * button; a click elsewhere closes it. The menu opens upwards when there is no room below.
 */
export function MenuButton(props: {
  label: string;
  /** What the button shows; the label when omitted. */
  children?: ReactNode;
  items: readonly MenuItem[];
  className?: string;
  testId?: string;
}) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const [upwards, setUpwards] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();
  const enabled = props.items.filter((item) => !item.disabled);

  const focusItem = (index: number) => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? [])];
    buttons[(index + buttons.length) % buttons.length]?.focus();
  };

  useLayoutEffect(() => {
    if (!open || !menu.current || !button.current) return;
    // The room there is inside whatever clips the menu (a scrolling pane, the window above the status bar).
    const { top: clipTop, bottom: clipBottom } = clipOf(button.current);
    const rect = button.current.getBoundingClientRect();
    const below = clipBottom - rect.bottom;
    setUpwards(below < menu.current.offsetHeight + 8 && rect.top - clipTop > below);
    focusItem(open === 'first' ? 0 : -1);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: -1 };
    if (event.key in moves) {
      event.preventDefault();
      focusItem(moves[event.key] ?? 0);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <span className={`menu-anchor ${props.className ?? ''}`.trim()}>
      <button
        ref={button}
        type="button"
        className="menu-button"
        aria-haspopup="menu"
        aria-expanded={Boolean(open)}
        aria-controls={open ? id : undefined}
        aria-label={props.children ? props.label : undefined}
        title={props.label}
        data-testid={props.testId}
        disabled={enabled.length === 0}
        onClick={() => setOpen(open ? false : 'first')}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {props.children ?? props.label}
      </button>
      {open && (
        <div ref={menu} id={id} role="menu" aria-label={props.label} className={`menu${upwards ? ' upwards' : ''}`} onKeyDown={onMenuKey}>
          {props.items.map((item) => (
            <button
              key={item.key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={item.disabled}
              className={item.danger ? 'danger' : undefined}
              onClick={() => {
                close(true);
                item.onSelect();
              }}
            >
              <span>{item.label}</span>
              {item.hint && <kbd aria-hidden="true">{item.hint}</kbd>}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
