// The app-only API methods (OS permissions, keychain) as data. Pure (zod): shared by the preload, Electron main and
// the renderer, which calls them only inside the desktop app. They travel on the same invoke channel as
// HOST_METHODS and are checked the same way; `deskhand serve` does not offer them.
import { z } from 'zod';

/** The id a key is stored under; a backend preset refers to it as `keychain:<id>`. */
export const KeychainId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** The name of a secret an instruction refers to as {{secret:NAME}}. */
export const SecretName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/);

export const PermissionPane = z.enum(['accessibility', 'screen']);
export type PermissionPane = z.infer<typeof PermissionPane>;

export const PermissionState = z.enum(['granted', 'denied', 'not-determined', 'restricted', 'unknown', 'not-needed']);
export type PermissionState = z.infer<typeof PermissionState>;

export const PermissionStatus = z.object({
  platform: z.string(),
  /** macOS: may Deskhand move the pointer and type (System Settings › Privacy › Accessibility)? */
  accessibility: PermissionState,
  /** macOS: may Deskhand capture the screen (Privacy › Screen Recording)? */
  screen: PermissionState,
});
export type PermissionStatus = z.infer<typeof PermissionStatus>;

export const APP_METHODS = {
  'permissions.status': { params: z.object({}), result: PermissionStatus },
  /** Opens the OS settings pane where the user grants a permission (macOS; elsewhere a no-op). */
  'permissions.open': { params: z.object({ pane: PermissionPane }), result: z.object({ ok: z.literal(true) }) },
  /** Seals an API key in the OS keychain; the result is the keyRef for a backend preset. Keys never come back. */
  'keychain.set': {
    params: z.object({ id: KeychainId, key: z.string().min(1).max(4096) }),
    result: z.object({ keyRef: z.string() }),
  },
  'keychain.delete': { params: z.object({ id: KeychainId }), result: z.object({ ok: z.literal(true) }) },
  'keychain.has': { params: z.object({ id: KeychainId }), result: z.object({ stored: z.boolean() }) },
  /** Seals a named secret for {{secret:NAME}} in the OS keychain; it is typed when the model asks, never shown. */
  'secrets.set': {
    params: z.object({ name: SecretName, value: z.string().min(1).max(4096) }),
    result: z.object({ ok: z.literal(true) }),
  },
  'secrets.delete': { params: z.object({ name: SecretName }), result: z.object({ ok: z.literal(true) }) },
  /** The names of the stored secrets; values never come back. */
  'secrets.list': { params: z.object({}), result: z.object({ names: z.array(z.string()) }) },
} as const;

export type AppMethodName = keyof typeof APP_METHODS;
export type AppParams<M extends AppMethodName> = z.infer<(typeof APP_METHODS)[M]['params']>;
export type AppResult<M extends AppMethodName> = z.infer<(typeof APP_METHODS)[M]['result']>;

/** What serves the app methods (Electron main, `main/ipc/main-method-handlers.ts`). */
export type AppMethodHandlers = {
  [M in AppMethodName]: (params: AppParams<M>) => Promise<AppResult<M>>;
};

export function isAppMethod(method: string): method is AppMethodName {
  return Object.hasOwn(APP_METHODS, method);
}
