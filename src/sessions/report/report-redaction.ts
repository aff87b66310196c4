// Keeps the machine out of a shared report: folders, home, server URL and anything shaped like a key. Node only.
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { Redactor } from '../redact.js';

export interface ReportRedactionSources {
  sessionDir: string;
  baseUrl: string | null;
  home?: string;
  /** Secret values known at export time (the default API key variable). */
  secrets?: string[];
}

/** A function that scrubs one text for the report; longer, more specific paths are replaced first. */
export function reportRedaction(sources: ReportRedactionSources): (text: string) => string {
  const replacements: Array<[string, string]> = [
    [sources.sessionDir, '[session folder]'],
    [dirname(sources.sessionDir), '[sessions folder]'],
    [sources.home ?? homedir(), '~'],
  ];
  if (sources.baseUrl) replacements.push([sources.baseUrl, '[server]'], [hostOf(sources.baseUrl), '[server]']);
  const usable = replacements.filter(([value]) => value.length > 1).sort((a, b) => b[0].length - a[0].length);
  const redactor = new Redactor();
  for (const secret of sources.secrets ?? []) redactor.markSecret(secret);
  return (text) => redactor.redact(usable.reduce((result, [value, label]) => result.split(value).join(label), text));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
