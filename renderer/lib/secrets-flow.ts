// The app's Secrets list: list, store and remove named secrets in the OS keychain through the app methods. Renderer.
// A value goes to secrets.set and nowhere else: nothing here keeps, returns or logs it.
import type { AppMethodsClient } from '../transport/app-methods.js';
import { secretNameProblem, sortedSecretNames, type SecretNameProblem } from './secret-names.js';

/** What is wrong with a secret about to be stored, per field; both null when it may be stored. */
export interface SecretDraftProblems {
  name: SecretNameProblem | null;
  value: 'empty' | null;
}

/**
 * Checks a name and value before anything is sent. The value is not trimmed: spaces may belong to a password, and a
 * password input drops pasted line breaks itself.
 */
export function secretDraftProblems(name: string, value: string): SecretDraftProblems {
  return { name: secretNameProblem(name), value: value === '' ? 'empty' : null };
}

/** The names of the stored secrets, sorted. */
export async function listSecretNames(client: AppMethodsClient): Promise<string[]> {
  return sortedSecretNames((await client.call('secrets.list', {})).names);
}

/**
 * Stores the value under the name (replacing one stored before) and returns the names now stored. Rejects only when
 * storing failed; once it is stored, a failed listing falls back to `known` plus the name.
 */
export async function storeSecret(
  client: AppMethodsClient,
  name: string,
  value: string,
  known: readonly string[],
): Promise<string[]> {
  await client.call('secrets.set', { name, value });
  return listSecretNames(client).catch(() => sortedSecretNames([...known, name]));
}

/** Removes the secret and returns the names still stored (without it, should the listing fail). */
export async function removeSecret(
  client: AppMethodsClient,
  name: string,
  known: readonly string[],
): Promise<string[]> {
  await client.call('secrets.delete', { name });
  return listSecretNames(client).catch(() => known.filter((stored) => stored !== name));
}
