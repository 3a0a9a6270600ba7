/**
 * The only bridge between the sandboxed page and the app: `invoke` and `subscribe`,
 * nothing else. The core validates names and arguments; this file only forwards.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../common/ipc';

const desk = {
  invoke: (name: string, args: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, args),
  subscribe: (name: string, cb: (payload: unknown) => void): (() => void) => {
    const listener = (_event: IpcRendererEvent, eventName: unknown, payload: unknown) => {
      if (eventName === name) cb(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('desk', desk);
