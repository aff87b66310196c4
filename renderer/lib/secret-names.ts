// Names of the secrets an instruction refers to as {{secret:NAME}}: checked by the same rule as the host. Pure;
// renderer.
import { SecretName } from '../../src/host/protocol/app-methods.js';

/** Why a name cannot be stored: nothing typed, or not 1–64 letters, digits or "_" starting with a letter or "_". */
export type SecretNameProblem = 'empty' | 'invalid';

export function secretNameProblem(name: string): SecretNameProblem | null {
  if (name === '') return 'empty';
  return SecretName.safeParse(name).success ? null : 'invalid';
}

/** What to write in an instruction for this secret. */
export function secretPlaceholder(name: string): string {
  return `{{secret:${name}}}`;
}

/** The names as the list shows them: each once, in alphabetical order. */
export function sortedSecretNames(names: readonly string[]): string[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}
