/**
 * app: ready, paths, the single-instance lock (a real Unix socket in userData, so a second
 * launch reaches the first with its argv as in Electron), and the quit sequence:
 * before-quit → every window's 'close' → will-quit (preventable) → quit → exit.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { Server } from 'node:net';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindowDouble } from './browser-window';
import { closeChromium } from './chromium';
import { readyState } from './protocol';
import { killUtilityProcesses } from './utility-process';

const switchValue = (name: string): string | undefined =>
  process.argv.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const userData = switchValue('user-data-dir') ?? join(tmpdir(), `electron-double-${process.pid}`);
mkdirSync(userData, { recursive: true });

const paths: Record<string, string> = {
  home: homedir(),
  appData: join(userData, '..'),
  userData,
  sessionData: userData,
  temp: tmpdir(),
  logs: join(userData, 'logs'),
  exe: process.execPath,
  desktop: join(homedir(), 'Desktop'),
  documents: join(homedir(), 'Documents'),
  downloads: join(homedir(), 'Downloads'),
};

type Preventable = { preventDefault(): void; defaultPrevented: boolean };
const preventable = (): Preventable => {
  const e = {
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
};

class AppDouble extends EventEmitter {
  readonly isPackaged = false;
  readonly recorded = {
    badgeCount: 0,
    loginItem: { openAtLogin: false },
    protocolClients: [] as string[],
  };
  private readyResolve: () => void = () => {};
  private readonly readyPromise = new Promise<void>(r => (this.readyResolve = r));
  private lockServer: Server | null = null;
  private quitting = false;
  private exiting = false;

  /** Called once main's module has run: Electron emits 'ready' after the entry script. */
  start(): void {
    setTimeout(() => {
      readyState.ready = true;
      this.emit('will-finish-launching');
      this.emit('ready', {}, {});
      this.readyResolve();
    }, 0);
  }

  whenReady = (): Promise<void> => this.readyPromise;
  isReady = (): boolean => readyState.ready;
  getName = (): string => 'Blazz Desk';
  getVersion = (): string => process.env.npm_package_version ?? '0.0.0';
  getLocale = (): string => 'en-US';

  getPath(name: string): string {
    const p = paths[name];
    if (!p) throw new Error(`Failed to get '${name}' path`);
    return p;
  }
  setPath(name: string, value: string): void {
    paths[name] = value;
  }

  setBadgeCount(count: number): boolean {
    this.recorded.badgeCount = count;
    return true;
  }
  setLoginItemSettings(settings: { openAtLogin?: boolean }): void {
    this.recorded.loginItem = { openAtLogin: Boolean(settings.openAtLogin) };
  }
  setAsDefaultProtocolClient(scheme: string): boolean {
    this.recorded.protocolClients.push(scheme);
    return true;
  }

  /**
   * A real lock: the first instance listens on userData/SingletonSocket; a later one
   * connects, hands over its argv (the first emits 'second-instance') and gets false.
   */
  requestSingleInstanceLock(): boolean {
    const socketPath = join(userData, 'SingletonSocket');
    const handOver = JSON.stringify({ argv: process.argv, cwd: process.cwd() });
    const taken = trySyncConnect(socketPath, handOver);
    if (taken) return false;
    rmSync(socketPath, { force: true });
    this.lockServer = createServer(socket => {
      let text = '';
      socket.on('data', chunk => (text += chunk.toString('utf8')));
      socket.on('end', () => {
        try {
          const { argv, cwd } = JSON.parse(text) as { argv: string[]; cwd: string };
          this.emit('second-instance', preventable(), argv, cwd, {});
        } catch {
          // A malformed hand-over is ignored, as a hostile one must be.
        }
      });
      socket.on('error', () => {});
    });
    this.lockServer.listen(socketPath);
    this.lockServer.unref();
    return true;
  }
  releaseSingleInstanceLock(): void {
    this.lockServer?.close();
    this.lockServer = null;
  }

  quit(): void {
    if (this.quitting || this.exiting) return;
    const before = preventable();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.quitting = true;
    for (const win of BrowserWindowDouble.getAllWindows()) {
      if (!win.close(true)) {
        this.quitting = false;
        return;
      }
    }
    const will = preventable();
    this.emit('will-quit', will);
    if (will.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.emit('quit', preventable(), 0);
    this.exit(0);
  }

  exit(code = 0): void {
    if (this.exiting) return;
    this.exiting = true;
    this.releaseSingleInstanceLock();
    killUtilityProcesses();
    void closeChromium().finally(() => process.exit(code));
  }

  /** After the last window closed (not during quit): Electron quits unless someone listens. */
  lastWindowClosed(): void {
    if (this.quitting) return;
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
    else this.quit();
  }
}

/** Is someone holding the lock? Connect and hand over argv; a stale socket answers nothing. */
function trySyncConnect(socketPath: string, payload: string): boolean {
  // Electron's check is synchronous; a child Node answers the connect attempt for us.
  const script = `const s=require('net').connect(process.argv[1]);s.on('connect',()=>{s.end(process.argv[2],()=>process.exit(0))});s.on('error',()=>process.exit(1));`;
  const r = spawnSync(process.execPath, ['-e', script, socketPath, payload], { timeout: 5_000 });
  return r.status === 0;
}

export const app = new AppDouble();
