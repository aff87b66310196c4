// An error as the UI shows it: worded from its code and params in the UI's language when the code is known, else
// the host's English message (old sessions, errors without a code). Pure; renderer.
import type { TFunction } from 'i18next';
import { ErrorInfo } from '../../src/run-protocol/error-info.js';

/** What a failed call or a run's ending says: the English message, and its code and params when known. */
export interface ShownError {
  message: string;
  info?: ErrorInfo;
}

/** The text to show for `error` in the current language. */
export function errorText(t: TFunction, error: ShownError): string {
  const info = error.info && ErrorInfo.safeParse(error.info).success ? error.info : undefined;
  return info ? t(`errors.codes.${info.code}`, info.params) : error.message;
}

/** A caught error (a HostCallError carries `info`) as a ShownError. */
export function shownError(caught: unknown): ShownError {
  const message = caught instanceof Error ? caught.message : String(caught);
  const info = ErrorInfo.safeParse((caught as { info?: unknown } | null)?.info);
  return info.success ? { message, info: info.data } : { message };
}
