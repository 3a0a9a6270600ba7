/**
 * The renderer's first script (#23): its own small chunk, which index.html runs before the
 * app's bundle (vite.config.ts). It opens the bridge to the core and asks for the inbox's
 * first page at once; the app's client (api/client.ts) takes over both, so the first chat
 * rows no longer wait for the bundle, its first render and then the bridge's handshake.
 */
import { FIRST_PAGE, defaultFilter, toQuery } from '../lib/inbox';
import { callEarly } from './early-call';
import { chooseTransport } from './transport';

/** The one transport of this page: the preload's bridge in Electron, the host's socket in a browser. */
export const bootTransport = chooseTransport();

/** The inbox store's first load (stores/inbox.ts): the default filter, nobody signed in yet. */
export const firstPage = callEarly(bootTransport, 'chats:list', { ...toQuery(defaultFilter, null), limit: FIRST_PAGE });
