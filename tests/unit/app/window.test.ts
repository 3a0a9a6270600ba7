import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CORE_PORT_CHANNEL } from '../../../common/ipc';
import { connectRendererToCore, isTrustedFrame } from '../../../main/app/ipc';
import { APP_ENTRY_URL, isAppUrl, isSafeExternalUrl } from '../../../main/app/navigation';
import type { HardenableContents } from '../../../main/app/window';
import { hardenContents, mainWindowOptions } from '../../../main/app/window';

describe('window options', () => {
  it('sandboxes and isolates the renderer', () => {
    const prefs = mainWindowOptions('/p/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/p/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('navigation rules', () => {
  it('recognises the app bundle by parsed origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://bundle/assets/x.js')).toBe(true);
    expect(isAppUrl('app://bundle.evil.com/index.html')).toBe(false);
    expect(isAppUrl('https://bundle/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('lets only http and https links out', () => {
    expect(isSafeExternalUrl('https://example.com/a')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    for (const bad of [
      'file:///etc/passwd',
      'smb://host/share',
      'javascript:alert(1)',
      'ms-settings:',
      'app://bundle/x',
      '',
    ]) {
      expect(isSafeExternalUrl(bad)).toBe(false);
    }
  });
});

type OpenHandler = Parameters<HardenableContents['setWindowOpenHandler']>[0];

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: OpenHandler | null = null;
  const contents = {
    setWindowOpenHandler: (h: OpenHandler) => {
      openHandler = h;
    },
    on: (name: string, cb: (...args: unknown[]) => void) => emitter.on(name, cb),
  } as unknown as HardenableContents;
  const navigate = (kind: string, url: string) => {
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    emitter.emit(kind, event, url);
    return event.defaultPrevented;
  };
  const open = (url: string) => openHandler?.({ url } as Parameters<OpenHandler>[0]);
  return { contents, navigate, open };
}

describe('window hardening', () => {
  it('denies every new window and sends only web links to the system browser', () => {
    const openExternal = vi.fn();
    const { contents, open } = fakeContents();
    hardenContents(contents, openExternal);
    expect(open('https://example.com')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com']]);
  });

  it('blocks navigation and redirects away from the bundle', () => {
    const openExternal = vi.fn();
    const { contents, navigate } = fakeContents();
    hardenContents(contents, openExternal);
    expect(navigate('will-navigate', 'app://bundle/index.html')).toBe(false);
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-redirect', 'app://bundle.evil/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-attach-webview', 'https://x')).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://evil.example/']]);
  });
});

describe('IPC sender check', () => {
  const mainFrame = { url: APP_ENTRY_URL, parent: null };

  it('trusts only the main frame showing the bundle', () => {
    expect(isTrustedFrame(mainFrame as never)).toBe(true);
    expect(isTrustedFrame({ url: APP_ENTRY_URL, parent: mainFrame } as never)).toBe(false);
    expect(isTrustedFrame({ url: 'https://evil.example/', parent: null } as never)).toBe(false);
    expect(isTrustedFrame(null)).toBe(false);
  });

  it('hands a port to the core only to the main frame showing the bundle', () => {
    const made: Array<{ port1: object; port2: object }> = [];
    const makeChannel = () => {
      const pair = { port1: { end: 1 }, port2: { end: 2 } };
      made.push(pair);
      return pair;
    };
    const core = { postMessage: vi.fn() };
    const page = (frame: unknown) => ({ mainFrame: frame as never, postMessage: vi.fn() });

    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: APP_ENTRY_URL, parent: mainFrame },
      null,
    ]) {
      const p = page(frame);
      expect(connectRendererToCore(p, core, makeChannel)).toBe(false);
      expect(p.postMessage).not.toHaveBeenCalled();
    }
    expect(made).toHaveLength(0);
    expect(core.postMessage).not.toHaveBeenCalled();

    const ours = page(mainFrame);
    expect(connectRendererToCore(ours, core, makeChannel)).toBe(true);
    expect(core.postMessage).toHaveBeenCalledWith({ t: 'attach-renderer' }, [made[0]?.port1]);
    expect(ours.postMessage).toHaveBeenCalledWith(CORE_PORT_CHANNEL, null, [made[0]?.port2]);
  });
});
