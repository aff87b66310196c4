// {{secret:NAME}} placeholders: the model only ever sees and writes the placeholder; the value is looked up at the
// moment of typing and handed to the desktop, never to the model, the events or the session files. Node only.
import type { Frame, Operator } from '../desktop/types.js';
import type { Action } from '../glm/actions.js';

const PLACEHOLDER = /\{\{secret:([A-Za-z_][A-Za-z0-9_]{0,63})\}\}/g;

/** Where secret values come from: environment variables in the CLI, the OS keychain in the app. */
export interface SecretSource {
  get(name: string): Promise<string | undefined>;
  /** How the user provides a secret of this name, for the error message. */
  howToProvide(name: string): string;
}

/** A placeholder names a secret that the source does not have; nothing was typed. */
export class UnknownSecretError extends Error {
  override readonly name = 'UnknownSecretError';
}

/** The distinct secret names referenced in `text`, in order of first appearance. */
export function secretNamesIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** `text` with every placeholder replaced by its value; throws UnknownSecretError before resolving anything partly. */
export async function resolveSecrets(
  text: string,
  source: SecretSource,
  onValue: (value: string) => void = () => undefined,
): Promise<string> {
  const values = new Map<string, string>();
  for (const name of secretNamesIn(text)) {
    const value = await source.get(name);
    if (value === undefined || value === '') {
      throw new UnknownSecretError(
        `No secret named ${name} was given for {{secret:${name}}}: ${source.howToProvide(name)}`,
      );
    }
    onValue(value);
    values.set(name, value);
  }
  return text.replace(PLACEHOLDER, (_match, name: string) => values.get(name)!);
}

/**
 * The operator, with `type` actions' placeholders resolved just before typing. `onValue` sees each value used (the
 * session's redactor marks it), so a value that reaches the screen and the model's next answer is still not written.
 */
export function withSecretTyping(
  operator: Operator,
  source: SecretSource,
  onValue?: (value: string) => void,
): Operator {
  return {
    displays: () => operator.displays(),
    capture: (displayId, signal) => operator.capture(displayId, signal),
    settle: (displayId, signal, capMs) => operator.settle(displayId, signal, capMs),
    release: () => operator.release(),
    async execute(action: Action, frame: Frame, signal: AbortSignal) {
      if (action.name !== 'type' || action.text === null || secretNamesIn(action.text).length === 0) {
        return operator.execute(action, frame, signal);
      }
      const text = await resolveSecrets(action.text, source, onValue);
      return operator.execute({ ...action, text }, frame, signal);
    },
  };
}

/** Secrets from environment variables, as `deskhand run --secret NAME=ENV_VAR` maps them. */
export function environmentSecrets(variables: ReadonlyMap<string, string>, env: NodeJS.ProcessEnv): SecretSource {
  return {
    async get(name) {
      const variable = variables.get(name);
      return variable === undefined ? undefined : env[variable] || undefined;
    },
    howToProvide: (name) =>
      variables.has(name)
        ? `set the environment variable ${variables.get(name)}.`
        : `run with --secret ${name}=ENV_VAR, ENV_VAR being an environment variable that holds the value.`,
  };
}
