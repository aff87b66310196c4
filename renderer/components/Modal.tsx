// A modal dialog: focus moves in, Tab stays inside, Escape cancels, focus returns on close. Rendered into
// document.body (a portal), so no ancestor's transform, overflow or stacking context can clip or cover it. Renderer.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Open modals, innermost last: only the innermost one keeps focus inside itself. */
const openModals: HTMLElement[] = [];

export interface ModalProps {
  title: string;
  /** Escape and a click on the backdrop call it. */
  onCancel: () => void;
  children: ReactNode;
  footer: ReactNode;
  testId?: string;
  tone?: 'default' | 'danger';
  /** `medium` for a screenshot beside text, `wide` for a screenshot on its own. */
  size?: 'default' | 'medium' | 'wide';
}

export function Modal({ title, onCancel, children, footer, testId, tone = 'default', size = 'default' }: ModalProps) {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  });

  useEffect(() => {
    const root = dialog.current;
    if (!root) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const focusFirst = () => (root.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(root)[0])?.focus();
    // Focus that leaves the dialog (a removed button, a click behind it) comes back to it.
    const onFocusIn = (event: FocusEvent) => {
      if (openModals.at(-1) === root && !root.contains(event.target as Node)) focusFirst();
    };
    openModals.push(root);
    focusFirst();
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      openModals.splice(openModals.indexOf(root), 1);
      previous?.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      cancel.current();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables(dialog.current);
    if (items.length === 0) return event.preventDefault();
    const first = items[0]!;
    const last = items.at(-1)!;
    if (event.shiftKey && (document.activeElement === first || !dialog.current?.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onCancel()}>
      <div
        ref={dialog}
        className={`modal modal-${tone} modal-${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <div className="modal-body">{children}</div>
        <div className="modal-footer">{footer}</div>
      </div>
    </div>,
    document.body,
  );
}

/**
 * A style that sizes a width × height picture to the dialog's width, narrower where that would make it taller than
 * the viewport less `chromePx` (the dialog's title, footer, padding and whatever else it shows).
 */
export function fitHeight(width: number, height: number, chromePx: number): { width: string } {
  return { width: `min(100%, calc((100vh - ${chromePx}px) * ${width} / ${Math.max(height, 1)}))` };
}

function focusables(root: HTMLElement | null): HTMLElement[] {
  return root ? [...root.querySelectorAll<HTMLElement>(FOCUSABLE)] : [];
}
