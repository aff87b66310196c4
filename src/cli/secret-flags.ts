// --secret NAME=ENV_VAR, shared by `deskhand run` and `deskhand serve`: which environment variable holds each named
// secret for {{secret:NAME}}. Only names travel; values are read from the environment when they are typed. Node only.
import { environmentSecrets, type SecretSource } from '../agent/secrets.js';
import { UsageError } from './usage.js';

const SECRET_FLAG = /^([A-Za-z_][A-Za-z0-9_]{0,63})=([A-Za-z_][A-Za-z0-9_]*)$/;

/** Secret name → environment variable; a UsageError for a malformed flag or a variable that is empty or not set. */
export function secretVariables(flags: readonly string[] | undefined, env: NodeJS.ProcessEnv): Map<string, string> {
  const variables = new Map<string, string>();
  for (const flag of flags ?? []) {
    const match = SECRET_FLAG.exec(flag);
    if (!match)
      throw new UsageError(`--secret takes NAME=ENV_VAR (e.g. --secret PASSWORD=MY_PASSWORD), got "${flag}".`);
    const [, name, variable] = match as unknown as [string, string, string];
    if (!env[variable]) {
      throw new UsageError(`--secret ${name}=${variable}: the environment variable ${variable} is empty or not set.`);
    }
    variables.set(name, variable);
  }
  return variables;
}

/**
 * The secrets of `deskhand serve`: browser mode has no keychain, so they come from its --secret flags, read as for
 * `deskhand run`; only the advice on how to provide one names serve.
 */
export function serveSecrets(variables: ReadonlyMap<string, string>, env: NodeJS.ProcessEnv): SecretSource {
  return {
    ...environmentSecrets(variables, env),
    howToProvide: (name) =>
      variables.has(name)
        ? `set the environment variable ${variables.get(name)} for deskhand serve.`
        : `start deskhand serve with --secret ${name}=ENV_VAR, ENV_VAR being an environment variable that holds ` +
          'the value.',
  };
}
