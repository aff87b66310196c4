// Desktop problems the user fixes in their setup (no X server, an unknown display id), as opposed to bugs. Node only.

/** The desktop cannot be used as configured; `message` says what to change. The CLI exits 2 on it. */
export class DesktopSetupError extends Error {
  override readonly name = 'DesktopSetupError';
}
