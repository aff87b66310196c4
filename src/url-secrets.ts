// A server URL as it may be shown, and what in it must never be: user, password and query values. Pure.

/** `url` without userinfo, query or fragment (what messages, sessions and reports may show); '(invalid url)' if unreadable. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(invalid url)';
  }
}

/** `${base}/${path}` with the base's query kept (some servers take a key there) and its user:password taken out. */
export function endpointUrl(base: string, path: string): string {
  try {
    const url = new URL(base);
    url.username = '';
    url.password = '';
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path}`;
    return url.toString();
  } catch {
    return `${base.replace(/\/+$/, '')}/${path}`;
  }
}

/** The secret parts of `url`: its user and password and every query value, raw and decoded (3+ characters). */
export function urlSecrets(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const values = [parsed.username, parsed.password, ...parsed.searchParams.values()];
  const raw = [
    parsed.username,
    parsed.password,
    ...parsed.search
      .slice(1)
      .split('&')
      .map((pair) => pair.split('=')[1] ?? ''),
  ];
  const all = new Set([...values, ...values.map(safeDecode), ...raw].filter((value) => value.length >= 3));
  // Longest first, so a secret that contains another is removed whole.
  return [...all].sort((a, b) => b.length - a.length);
}

/** `text` with the whole raw URL shown redacted and any of its secrets replaced by `***`. */
export function scrubUrlSecrets(text: string, url: string): string {
  let scrubbed = text.split(url).join(redactUrl(url));
  for (const secret of urlSecrets(url)) scrubbed = scrubbed.split(secret).join('***');
  return scrubbed;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
