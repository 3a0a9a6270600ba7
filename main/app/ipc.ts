import type { WebFrameMain } from 'electron';
import { CORE_PORT_CHANNEL } from '../../common/ipc';
import type { MainToCore } from '../core-process/control';
import { isAppUrl } from './navigation';

/**
 * A port to the core is handed only to the main frame of our window showing our bundle:
 * not to an iframe, not to a page that somehow navigated elsewhere (Electron advisory
 * GHSA-mq8j-3h7h-p8g7 is why the frame, not just the sender, is checked).
 */
export function isTrustedFrame(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}

/** `Port` is Electron's MessagePortMain in the app, a plain object in tests. */
export type PortPage<Port> = {
  readonly mainFrame: Pick<WebFrameMain, 'url' | 'parent'> | null;
  postMessage(channel: string, message: unknown, transfer: Port[]): void;
};
export type PortCore<Port> = { postMessage(message: MainToCore, transfer: Port[]): void };

/**
 * After each load of the page: a fresh MessageChannelMain, one end to the core process
 * (which serves the router on it), the other to the preload. A reload gets a new pair;
 * the old one closes with the old page. Returns false when the page is not ours.
 */
export function connectRendererToCore<Port>(
  page: PortPage<Port>,
  core: PortCore<Port>,
  makeChannel: () => { port1: Port; port2: Port },
): boolean {
  if (!isTrustedFrame(page.mainFrame)) return false;
  const { port1, port2 } = makeChannel();
  core.postMessage({ t: 'attach-renderer' }, [port1]);
  page.postMessage(CORE_PORT_CHANNEL, null, [port2]);
  return true;
}
