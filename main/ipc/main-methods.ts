// The app-only API methods (OS permissions, keychain) as data. Pure (zod), shared by preload and Electron main.
// They travel on the same invoke channel as HOST_METHODS and are checked the same way.
import { z } from 'zod';

const KeyId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

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

export const MAIN_METHODS = {
  'permissions.status': { params: z.object({}), result: PermissionStatus },
  /** Opens the OS settings pane where the user grants a permission (macOS; elsewhere a no-op). */
  'permissions.open': { params: z.object({ pane: PermissionPane }), result: z.object({ ok: z.literal(true) }) },
  /** Seals an API key in the OS keychain; the result is the keyRef for a backend preset. Keys never come back. */
  'keychain.set': {
    params: z.object({ id: KeyId, key: z.string().min(1).max(4096) }),
    result: z.object({ keyRef: z.string() }),
  },
  'keychain.delete': { params: z.object({ id: KeyId }), result: z.object({ ok: z.literal(true) }) },
  'keychain.has': { params: z.object({ id: KeyId }), result: z.object({ stored: z.boolean() }) },
} as const;

export type MainMethodName = keyof typeof MAIN_METHODS;
export type MainMethodHandlers = {
  [M in MainMethodName]: (
    params: z.infer<(typeof MAIN_METHODS)[M]['params']>,
  ) => Promise<z.infer<(typeof MAIN_METHODS)[M]['result']>>;
};

export function isMainMethod(method: string): method is MainMethodName {
  return Object.hasOwn(MAIN_METHODS, method);
}
