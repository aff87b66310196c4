import { describe, expect, it } from 'vitest';
import {
  allowNavigation,
  allowPermission,
  CONTENT_SECURITY_POLICY,
  hardenWebContents,
  secureWebPreferences,
  windowOpenDecision,
  withContentSecurityPolicy,
} from '../../../../main/windows/secure-web-preferences.js';

/** Electron's WebContents type, named without importing electron (only main/ may). */
type WebContents = Parameters<typeof hardenWebContents>[0];

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and strips Node from every window, with the given preload', () => {
    expect(secureWebPreferences({ preload: '/app/out/preload/index.cjs' })).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
  });

  it('opens dev tools only when asked', () => {
    expect(secureWebPreferences({ preload: 'p', devTools: true }).devTools).toBe(true);
  });
});

describe('content security policy', () => {
  it('allows only our own scripts, styles and connections, and frames as images', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; img-src 'self' app: deskhand-frame: data: blob:; style-src 'self' 'unsafe-inline'; " +
        "script-src 'self'; connect-src 'self'",
    );
  });

  it('replaces any policy a response carried, whatever its header case, and keeps the other headers', () => {
    const headers = { 'content-security-policy': ["script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] };
    expect(withContentSecurityPolicy(headers)).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('handler decisions', () => {
  it('deny navigation, new windows and every permission', () => {
    expect(['app://deskhand/other.html', 'https://example.com', 'file:///etc/passwd'].map(allowNavigation)).toEqual([
      false,
      false,
      false,
    ]);
    expect(windowOpenDecision({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal'].map(allowPermission)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

/** Records what hardenWebContents installs, then replays requests through it. */
function fakeContents() {
  const listeners = new Map<string, (event: { url?: string; preventDefault(): void }) => void>();
  const installed: {
    open?: (details: { url: string }) => unknown;
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (contents: unknown, permission: string) => boolean;
    headers?: (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      callback: (r: unknown) => void,
    ) => void;
  } = {};
  const contents = {
    on: (name: string, listener: (event: { preventDefault(): void }) => void) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof installed.open) => (installed.open = handler),
    session: {
      setPermissionRequestHandler: (handler: typeof installed.request) => (installed.request = handler),
      setPermissionCheckHandler: (handler: typeof installed.check) => (installed.check = handler),
      webRequest: { onHeadersReceived: (handler: typeof installed.headers) => (installed.headers = handler) },
    },
  };
  const prevented = (name: string, url?: string) => {
    let result = false;
    listeners.get(name)?.({ url, preventDefault: () => (result = true) });
    return result;
  };
  return { contents: contents as unknown as WebContents, installed, prevented };
}

describe('hardenWebContents', () => {
  it('makes the window refuse navigation, redirects, webviews, popups and permissions, and adds the CSP', () => {
    const { contents, installed, prevented } = fakeContents();
    hardenWebContents(contents);
    expect(prevented('will-navigate', 'https://evil.example')).toBe(true);
    expect(prevented('will-redirect', 'https://evil.example')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(installed.open?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    const granted: boolean[] = [];
    installed.request?.(contents, 'media', (value) => granted.push(value));
    expect(granted).toEqual([false]);
    expect(installed.check?.(contents, 'clipboard-sanitized-write')).toBe(false);
    let response: unknown;
    installed.headers?.({ url: 'app://deskhand/', responseHeaders: { Server: ['x'] } }, (value) => (response = value));
    expect(response).toEqual({
      responseHeaders: { Server: ['x'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    installed.headers?.({ url: 'devtools://devtools/bundled/index.html' }, (value) => (response = value));
    expect(response).toEqual({});
  });
});
