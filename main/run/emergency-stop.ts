// The global emergency-stop shortcut from settings, moved on change, reported when taken. Electron main process.

/** The part of Electron's `globalShortcut` this module uses. */
export interface GlobalShortcutLike {
  /** False when another app holds the accelerator; throws for a string that is not an accelerator. */
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export type ShortcutResult = { ok: true } | { ok: false; message: string };

export class EmergencyStop {
  private accelerator: string | null = null;

  constructor(
    private readonly shortcuts: GlobalShortcutLike,
    private readonly onPressed: () => void,
  ) {}

  /** The accelerator that stops runs now, or null when none could be registered. */
  get current(): string | null {
    return this.accelerator;
  }

  /**
   * Makes `accelerator` the stop shortcut. The new one is registered before the old one is released, so a
   * shortcut that is taken or invalid leaves the previous one working.
   */
  use(accelerator: string): ShortcutResult {
    if (accelerator === this.accelerator) return { ok: true };
    let registered: boolean;
    try {
      registered = this.shortcuts.register(accelerator, this.onPressed);
    } catch {
      return this.failed(`"${accelerator}" is not a shortcut Deskhand can register.`);
    }
    if (!registered) return this.failed(`${accelerator} is already taken by another app.`);
    if (this.accelerator !== null) this.shortcuts.unregister(this.accelerator);
    this.accelerator = accelerator;
    return { ok: true };
  }

  dispose(): void {
    if (this.accelerator !== null) this.shortcuts.unregister(this.accelerator);
    this.accelerator = null;
  }

  private failed(reason: string): ShortcutResult {
    const fallback =
      this.accelerator === null ? 'No emergency-stop shortcut is active' : `${this.accelerator} still stops a run`;
    return {
      ok: false,
      message: `Emergency stop: ${reason} ${fallback}; choose another shortcut in Settings.`,
    };
  }
}
