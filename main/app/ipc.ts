import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { IPC_INVOKE_CHANNEL } from '../../common/ipc';
import type { Reply } from '../../common/result';
import { fail } from '../../common/result';
import type { Dispatch } from '../core/router';
import { isAppUrl } from './navigation';

/**
 * A call is trusted only from the main frame of our window showing our bundle: not from an
 * iframe, not from a page that somehow navigated elsewhere (Electron advisory
 * GHSA-mq8j-3h7h-p8g7 is why the frame, not just the sender, is checked).
 */
export function isTrustedFrame(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}

export type InvokeRegistrar = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** The one IPC channel: sender check first, then the same dispatch() the host bridge calls. */
export function registerInvokeHandler(ipc: InvokeRegistrar, dispatch: Dispatch): () => void {
  ipc.handle(
    IPC_INVOKE_CHANNEL,
    async (
      event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
      name: unknown,
      args: unknown,
    ): Promise<Reply<unknown>> => {
      if (!isTrustedFrame(event.senderFrame)) {
        return fail('forbidden', 'This window may not call the app core');
      }
      return dispatch(name, args, { transport: 'electron', caller: String(event.sender.id) });
    },
  );
  return () => ipc.removeHandler(IPC_INVOKE_CHANNEL);
}
