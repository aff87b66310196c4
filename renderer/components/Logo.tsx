// Deskhand's mark: a screen with a pointer, in the accent colour. Renderer.
export function Logo() {
  return (
    <svg className="brand-logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="2" y="4" width="28" height="20" rx="4" fill="var(--accent)" />
      <path d="M12 28h8M16 24v4" stroke="var(--accent)" strokeWidth="2.5" strokeLinecap="round" />
      <path d="M13 9.5l8 3.2-3.2 1.3-1.3 3.2z" fill="var(--on-accent)" />
    </svg>
  );
}
