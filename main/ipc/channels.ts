// The two IPC channel names shared by the preload and Electron's main process. Pure.

/** Renderer → main: `invoke(INVOKE_CHANNEL, method, params)`, answered with a DispatchReply. */
export const INVOKE_CHANNEL = 'deskhand:invoke';
/** Main → renderer: `send(EVENT_CHANNEL, event, seq)` for every host event. */
export const EVENT_CHANNEL = 'deskhand:event';
