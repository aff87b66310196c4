// The web preferences and hardening that every window gets. Electron main process.
import type { WebContents, WebPreferences } from 'electron';

/** The page policy for every response: our own origin only, frames as images, no inline or remote scripts. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' app: deskhand-frame: data: blob:; style-src 'self' 'unsafe-inline'; " +
  "script-src 'self'; connect-src 'self'";

/**
 * Web preferences for every window (main, widget, marker): isolated, sandboxed, no Node, web security on.
 * Electron removed the remote module in v14, so there is nothing left to switch off for it.
 */
export function secureWebPreferences(options: { preload: string; devTools?: boolean }): WebPreferences {
  return {
    preload: options.preload,
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
    devTools: options.devTools ?? false,
  };
}

/** Response headers with our CSP in place of any the response carried (header names are case-insensitive). */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

/** Whether a page may navigate its window elsewhere: never (in-page hash and history changes do not ask). */
export function allowNavigation(_url: string): boolean {
  return false;
}

/** What to do when a page asks for a new window (window.open, target=_blank): always deny. */
export function windowOpenDecision(_details: { url: string }): { action: 'deny' } {
  return { action: 'deny' };
}

/** Whether a page gets a permission (camera, notifications, clipboard, …): never, since Electron grants by default. */
export function allowPermission(_permission: string): boolean {
  return false;
}

/**
 * Denies navigation, new windows, webviews and every permission, and puts our CSP on every response. The session
 * handlers replace any earlier ones, so hardening several windows of one session is idempotent.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!allowNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!allowNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenDecision);
  const { session } = contents;
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
  // DevTools pages share the session and need their own policy; every other response gets ours.
  session.webRequest.onHeadersReceived((details, callback) =>
    callback(
      details.url.startsWith('devtools:')
        ? {}
        : { responseHeaders: withContentSecurityPolicy(details.responseHeaders) },
    ),
  );
}
