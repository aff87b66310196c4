// A labelled form control with an optional hint, ids wired for screen readers. Renderer.
import { useId, type ReactElement, type ReactNode } from 'react';

export interface FieldProps {
  label: string;
  hint?: ReactNode;
  /** Renders the control with the id and aria-describedby it must carry. */
  children: (props: { id: string; 'aria-describedby'?: string }) => ReactElement;
  className?: string;
}

export function Field({ label, hint, children, className }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': hint ? hintId : undefined })}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
