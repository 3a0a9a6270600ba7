/**
 * The only bridge between the sandboxed page and the app: `invoke`, `subscribe` and
 * `pathForFile`, nothing else. The calls travel over a MessagePort straight to the core process (main
 * hands it over after each load, see main/app/ipc.ts); the core validates names and
 * arguments, this file only forwards. `pathForFile` tells the page where a file the user
 * picked or dropped lives, so the core reads it from disk instead of receiving its bytes.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createChannelClient } from '../common/core-channel';
import { CORE_PORT_CHANNEL } from '../common/ipc';
import { bufferedPort } from './buffered-port';

const port = bufferedPort(structuredClone);
ipcRenderer.on(CORE_PORT_CHANNEL, event => {
  const [received] = event.ports;
  if (received) port.attach(received);
});
const client = createChannelClient(port, {
  setTimer: (cb, ms) => setTimeout(cb, ms),
  clearTimer: h => clearTimeout(h as ReturnType<typeof setTimeout>),
});

const desk = {
  invoke: (name: string, args: unknown): Promise<unknown> => client.invoke(name, args),
  subscribe: (name: string, cb: (payload: unknown) => void): (() => void) => client.subscribe(name, cb),
  // '' for a file that is not on disk (pasted, recorded): the page then sends its bytes.
  pathForFile: (file: File): string => {
    try {
      return webUtils.getPathForFile(file);
    } catch {
      return '';
    }
  },
};

contextBridge.exposeInMainWorld('desk', desk);
