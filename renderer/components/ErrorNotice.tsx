// A call's error, inline where the call was made, with the host's message (it says what to do). Renderer.
import { Icon } from './Icon.js';

export function ErrorNotice({ message, testId = 'error-notice' }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid={testId}>
      <Icon name="alert" />
      <span>{message}</span>
    </div>
  );
}

/** The message to show for a failed call. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
