/**
 * Channel names of the two transports. Kept apart from the API so the sandboxed preload
 * bundle stays tiny: it only forwards, the core validates.
 */
export const IPC_INVOKE_CHANNEL = 'desk:invoke';
export const IPC_EVENT_CHANNEL = 'desk:event';
/** Socket.IO path of the headless host's bridge. */
export const HOST_BRIDGE_PATH = '/bridge';
/** Electron: the channel on which main hands the preload its MessagePort to the core process. */
export const CORE_PORT_CHANNEL = 'desk:core-port';
/** Headless host: `PUT <path>/<sha256>` uploads a file to attach (main/host/uploads.ts). */
export const HOST_UPLOAD_PATH = '/api/files';
