// Text from a model, a page or a file, made safe to print on a terminal. Pure: no Node, no DOM.

/** C0 controls but tab and newline, DEL, and C1 controls: what terminals act on (OSC 52, titles, screen clears). */
// eslint-disable-next-line no-control-regex -- matching control characters is this module's purpose.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with each control character shown as `\xNN`, so printing it cannot drive the terminal. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, (control) => `\\x${control.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * One JSON line. JSON.stringify escapes C0 controls but leaves DEL and the C1 range raw, which an 8-bit terminal
 * still obeys; they are escaped too (`\u009b`), which every JSON reader reads back as the same string.
 */
export function jsonLine(value: unknown): string {
  return (
    JSON.stringify(value).replace(
      /[\u007f-\u009f]/g,
      (control) => `\\u${control.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ) + '\n'
  );
}
