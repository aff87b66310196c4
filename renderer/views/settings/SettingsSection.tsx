// One titled group of settings. Renderer.
import { useId, type ReactNode } from 'react';

export function SettingsSection({
  title,
  hint,
  children,
  testId,
}: {
  title: string;
  hint?: string;
  children: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <section className="card settings-section" aria-labelledby={id} data-testid={testId}>
      <header className="settings-section-header">
        <h2 className="card-title" id={id}>
          {title}
        </h2>
        {hint && <p className="muted small">{hint}</p>}
      </header>
      {children}
    </section>
  );
}
