/** ipcMain: 'on' listeners get the page's sends, 'handle' answers invoke (one handler a channel). */
import { EventEmitter } from 'node:events';
import type { IpcMainLike } from './web-contents';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class IpcMainDouble extends EventEmitter implements IpcMainLike {
  private readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  handleOnce(channel: string, handler: Handler): void {
    this.handle(channel, (...args) => {
      this.handlers.delete(channel);
      return handler(...args);
    });
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invokeHandler(channel: string): Handler | undefined {
    return this.handlers.get(channel);
  }
}

export const ipcMain = new IpcMainDouble();
