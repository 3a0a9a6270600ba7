/** BrowserWindow: state a desktop window has (shown, focused, minimized, bounds) around a page. */
import { EventEmitter } from 'node:events';
import type { BrowserContext } from '@playwright/test';
import type { IpcMainLike } from './web-contents';
import { WebContentsDouble } from './web-contents';

type Bounds = { x: number; y: number; width: number; height: number };
type Options = Partial<Bounds> & { show?: boolean; title?: string; webPreferences?: { preload?: string } };

export type WindowHost = {
  context(): Promise<BrowserContext>;
  readonly ipcMain: IpcMainLike;
  created(win: BrowserWindowDouble): void;
  closed(win: BrowserWindowDouble, byQuit: boolean): void;
};

let nextWindowId = 1;
const windows = new Set<BrowserWindowDouble>();
const hostRef: { current: WindowHost | null } = { current: null };
export const setWindowHost = (host: WindowHost) => {
  hostRef.current = host;
};

export class BrowserWindowDouble extends EventEmitter {
  readonly id = nextWindowId++;
  readonly webContents: WebContentsDouble;
  private visible: boolean;
  private focused = false;
  private minimized = false;
  private destroyed = false;
  private bounds: Bounds;
  private title: string;

  static getAllWindows = (): BrowserWindowDouble[] => [...windows];
  static getFocusedWindow = (): BrowserWindowDouble | null => [...windows].find(w => w.focused) ?? null;

  constructor(options: Options = {}) {
    super();
    const host = hostRef.current;
    if (!host) throw new Error('BrowserWindow cannot be created before app is ready');
    this.visible = options.show !== false;
    this.title = options.title ?? '';
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.webContents = new WebContentsDouble(host.context(), options.webPreferences?.preload, host.ipcMain, () =>
      this.focus(),
    );
    this.webContents.once('dom-ready', () => this.emit('ready-to-show'));
    windows.add(this);
    host.created(this);
    if (this.visible) this.focus();
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  show(): void {
    this.visible = true;
    this.emit('show');
    this.focus();
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }
  isVisible = (): boolean => this.visible;
  isFocused = (): boolean => this.focused;
  isMinimized = (): boolean => this.minimized;
  isDestroyed = (): boolean => this.destroyed;
  focus(): void {
    if (this.destroyed) return;
    this.visible = true;
    this.minimized = false;
    for (const other of windows) if (other !== this) other.blur();
    if (!this.focused) {
      this.focused = true;
      this.emit('focus');
    }
    void this.webContents
      .pageNow()
      ?.bringToFront()
      .catch(() => {});
  }
  /** What the OS does when the user switches to another app. */
  blur(): void {
    if (!this.focused) return;
    this.focused = false;
    this.emit('blur');
  }
  minimize(): void {
    this.minimized = true;
    this.blur();
    this.emit('minimize');
  }
  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }
  getBounds = (): Bounds => ({ ...this.bounds });
  setBounds(b: Partial<Bounds>): void {
    this.bounds = { ...this.bounds, ...b };
  }
  setTitle(title: string): void {
    this.title = title;
  }
  getTitle = (): string => this.title;

  /** The user (or main) closes the window: 'close' can be prevented, then it is gone. */
  close(byQuit = false): boolean {
    if (this.destroyed) return true;
    let prevented = false;
    this.emit('close', { preventDefault: () => void (prevented = true) });
    if (prevented) return false;
    void this.teardown(byQuit);
    return true;
  }
  destroy(): void {
    void this.teardown(false);
  }

  private async teardown(byQuit: boolean): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.focused = false;
    windows.delete(this);
    await this.webContents.destroy();
    this.emit('closed');
    hostRef.current?.closed(this, byQuit);
  }
}
