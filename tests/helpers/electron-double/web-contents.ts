/**
 * WebContents → one Chromium page. Main's messages reach the preload's ipcRenderer, ports
 * main transfers become DOM MessagePorts there, app:// requests are answered by main's
 * protocol handler, and navigations main did not ask for go through 'will-navigate'.
 */
import type { BrowserContext, CDPSession, Page, Route } from '@playwright/test';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { MessagePortMain } from './ports';
import { portById } from './ports';
import { fromPageUrl, isMappedUrl, serve, toPageUrl } from './protocol';
import { BINDING, PRELOAD_WORLD, codec, isolatedWorldScript, mainWorldScript, preloadScript } from './renderer-scripts';
import { permissions } from './shell-parts';

export type PageNotification = { id: number; title: string; body: string; tag: string };

/** What the page's worlds send to main (see page/isolated-world.js and page/main-world.js). */
const id = z.number().int().nonnegative();
const fromPageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('hello') }),
  z.object({ t: z.literal('preload-error'), message: z.string() }),
  z.object({ t: z.literal('ipc-send'), channel: z.string(), args: z.string() }),
  z.object({ t: z.literal('ipc-invoke'), id, channel: z.string(), args: z.string() }),
  z.object({ t: z.literal('port-message'), port: id, data: z.string() }),
  z.object({ t: z.literal('port-close'), port: id }),
  z.object({ t: z.literal('focus-request') }),
  z.object({ t: z.literal('notification-show'), id, title: z.string(), body: z.string(), tag: z.string() }),
  z.object({ t: z.literal('notification-close'), id }),
  z.object({ t: z.literal('permission-request'), id, permission: z.string() }),
]);
type FromPage = z.infer<typeof fromPageSchema>;

export type IpcMainLike = {
  emit(channel: string, ...args: unknown[]): boolean;
  invokeHandler(channel: string): ((event: unknown, ...args: unknown[]) => unknown) | undefined;
};

let nextContentsId = 1;

export class WebContentsDouble extends EventEmitter {
  readonly id = nextContentsId++;
  readonly preloadErrors: string[] = [];
  readonly notifications: PageNotification[] = [];
  private page: Page | null = null;
  private cdp: CDPSession | null = null;
  private worldContext: number | null = null;
  private readonly toWorldQueue: unknown[] = [];
  private pagePorts: MessagePortMain[] = [];
  private allowedNavigation: string | null = null;
  private windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  private destroyed = false;
  private readonly opened: Promise<Page>;

  constructor(
    context: Promise<BrowserContext>,
    private readonly preloadPath: string | undefined,
    private readonly ipcMain: IpcMainLike,
    private readonly onFocusRequest: () => void,
  ) {
    super();
    this.opened = context.then(ctx => this.open(ctx));
    // An unhandled rejection here would end main; loadURL reports the failure instead.
    this.opened.catch(() => {});
  }

  get mainFrame(): { url: string; parent: null; frameTreeNodeId: number } | null {
    return this.page ? { url: this.getURL(), parent: null, frameTreeNodeId: this.id } : null;
  }

  getURL(): string {
    return this.page ? fromPageUrl(this.page.url()) : '';
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** The page, for the double's own control (tests attach over CDP instead). */
  pageNow(): Page | null {
    return this.page;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.opened;
    const target = toPageUrl(url);
    if (target === null) throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    this.allowedNavigation = target;
    try {
      await page.goto(target, { waitUntil: 'load' });
    } catch (err) {
      this.emit('did-fail-load', {}, -2, String(err), url, true);
      throw new Error(`ERR_FAILED (-2) loading '${url}'`);
    }
  }

  send(channel: string, ...args: unknown[]): void {
    this.toWorld({ t: 'ipc', channel, args: codec.encode(args), ports: [] });
  }

  postMessage(channel: string, message: unknown, transfer: readonly MessagePortMain[] = []): void {
    const args = codec.encode([message]);
    for (const port of transfer) {
      port.transferTo({
        deliver: data => this.toWorld({ t: 'port-message', port: port.id, data: codec.encode(data) }),
        close: () => this.toWorld({ t: 'port-close', port: port.id }),
      });
      this.pagePorts.push(port);
    }
    this.toWorld({ t: 'ipc', channel, args, ports: transfer.map(p => p.id) });
  }

  clickNotification(id: number): void {
    this.toWorld({ t: 'to-main-world', kind: 'notification-click', detail: { id } });
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.closePagePorts();
    this.emit('destroyed');
    await this.page?.close().catch(() => {});
  }

  private async open(ctx: BrowserContext): Promise<Page> {
    const blank = ctx.pages().find(p => p.url() === 'about:blank' && !claimed.has(p));
    const page = blank ?? (await ctx.newPage());
    claimed.add(page);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Runtime.enable');
    await cdp.send('Page.enable');
    cdp.on('Runtime.bindingCalled', e => {
      if (e.name === BINDING) this.fromPage(e.payload, e.executionContextId);
    });
    await cdp.send('Runtime.addBinding', { name: BINDING, executionContextName: PRELOAD_WORLD });
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: mainWorldScript() });
    if (this.preloadPath !== undefined) {
      let source: string | null = null;
      let error: string | null = null;
      try {
        source = readFileSync(this.preloadPath, 'utf8');
      } catch (err) {
        error = String(err);
      }
      await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
        worldName: PRELOAD_WORLD,
        source: isolatedWorldScript(this.preloadPath, error),
      });
      if (source !== null)
        await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
          worldName: PRELOAD_WORLD,
          source: preloadScript(source, this.preloadPath),
        });
    }
    await page.route('**/*', route => this.route(route, page));
    page.on('framenavigated', frame => {
      if (frame !== page.mainFrame()) return;
      this.emit('did-navigate', {}, fromPageUrl(frame.url()));
    });
    page.on('domcontentloaded', () => this.emit('dom-ready', {}));
    page.on('load', () => this.emit('did-finish-load', {}));
    page.on('popup', popup => {
      // Electron asks setWindowOpenHandler; 'deny' means the window never exists.
      const verdict = this.windowOpenHandler?.({ url: fromPageUrl(popup.url()) }) ?? { action: 'allow' };
      if (verdict.action === 'deny') void popup.close();
    });
    this.page = page;
    this.cdp = cdp;
    return page;
  }

  private async route(route: Route, page: Page): Promise<void> {
    const request = route.request();
    const url = request.url();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      if (url === this.allowedNavigation) this.allowedNavigation = null;
      else {
        let prevented = false;
        this.emit(
          'will-navigate',
          { preventDefault: () => void (prevented = true), url: fromPageUrl(url) },
          fromPageUrl(url),
        );
        if (prevented) return route.abort('aborted');
      }
    }
    if (!isMappedUrl(url)) return route.continue();
    try {
      const answer = await serve(url, request.method(), await request.allHeaders());
      if (answer === null) return await route.abort('failed');
      return await route.fulfill(answer);
    } catch {
      // A handler that throws is a failed request in Electron too (net::ERR_FAILED).
      return route.abort('failed').catch(() => {});
    }
  }

  private closePagePorts(): void {
    for (const port of this.pagePorts.splice(0)) port.close();
  }

  private toWorld(msg: unknown): void {
    if (this.worldContext === null || !this.cdp) {
      this.toWorldQueue.push(msg);
      return;
    }
    const expression = `globalThis.__electronDoubleReceive(${JSON.stringify(msg)})`;
    void this.cdp.send('Runtime.evaluate', { contextId: this.worldContext, expression }).catch(() => {});
  }

  private fromPage(payload: string, contextId: number): void {
    let raw: unknown;
    try {
      raw = JSON.parse(payload);
    } catch {
      return;
    }
    const parsed = fromPageSchema.safeParse(raw);
    if (!parsed.success) return;
    const msg = parsed.data;
    if (msg.t === 'hello') {
      // A new document: the previous one's ports went with it.
      if (this.worldContext !== null && this.worldContext !== contextId) this.closePagePorts();
      this.worldContext = contextId;
      for (const queued of this.toWorldQueue.splice(0)) this.toWorld(queued);
      return;
    }
    if (contextId !== this.worldContext && msg.t !== 'preload-error') return;
    this.handle(msg);
  }

  private handle(msg: FromPage): void {
    switch (msg.t) {
      case 'hello':
        return;
      case 'preload-error':
        this.preloadErrors.push(msg.message);
        this.emit('preload-error', {}, this.preloadPath, new Error(msg.message));
        return;
      case 'ipc-send':
        this.ipcMain.emit(msg.channel, this.ipcEvent(), ...(codec.decode(msg.args) as unknown[]));
        return;
      case 'ipc-invoke':
        return void this.invoke(msg.id, msg.channel, codec.decode(msg.args) as unknown[]);
      case 'port-message':
        portById(msg.port)?.fromRemote(codec.decode(msg.data));
        return;
      case 'port-close':
        portById(msg.port)?.close();
        return;
      case 'focus-request':
        this.onFocusRequest();
        return;
      case 'notification-show':
        this.notifications.push({ id: msg.id, title: msg.title, body: msg.body, tag: msg.tag });
        return;
      case 'notification-close': {
        const at = this.notifications.findIndex(n => n.id === msg.id);
        if (at >= 0) this.notifications.splice(at, 1);
        return;
      }
      case 'permission-request': {
        const answer = (granted: boolean) =>
          this.toWorld({ t: 'to-main-world', kind: 'permission-result', detail: { id: msg.id, granted } });
        // Electron grants what no handler decides.
        if (permissions.request) permissions.request(this, msg.permission, answer);
        else answer(true);
        return;
      }
    }
  }

  private ipcEvent() {
    return { sender: this, senderFrame: this.mainFrame, ports: [], returnValue: undefined as unknown };
  }

  private async invoke(id: number, channel: string, args: unknown[]): Promise<void> {
    const handler = this.ipcMain.invokeHandler(channel);
    try {
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const value = codec.encode(await handler(this.ipcEvent(), ...args));
      this.toWorld({ t: 'invoke-result', id, channel, ok: true, value });
    } catch (err) {
      this.toWorld({ t: 'invoke-result', id, channel, ok: false, error: String(err) });
    }
  }
}

const claimed = new WeakSet<Page>();
