// The preload's isolated world, as Electron's sandboxed renderer builds it: `require` knows
// only electron (contextBridge, ipcRenderer, webFrame), events, timers and url (also with
// node:), anything else throws "module not found"; ipcRenderer talks to main through a CDP
// binding with structured-clone rules; ports main transfers arrive as real DOM MessagePorts.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the script that embeds this file
function electronDoubleIsolatedWorld(cfg, codec, makeBridge) {
  const send = globalThis[cfg.binding];
  delete globalThis[cfg.binding];
  const post = msg => send(JSON.stringify(msg));
  const bridge = makeBridge(cfg.prefix, 'iw', 'mw');
  bridge.on('host', msg => post(msg));

  // ── ipcRenderer ──
  const listeners = new Map();
  const ports = new Map();
  const invokes = new Map();
  let nextInvoke = 1;
  const listenersOf = channel => {
    if (!listeners.has(channel)) listeners.set(channel, []);
    return listeners.get(channel);
  };
  const ipcRenderer = {
    on(channel, fn) {
      listenersOf(channel).push(fn);
      return ipcRenderer;
    },
    once(channel, fn) {
      const wrapped = (...args) => {
        ipcRenderer.removeListener(channel, wrapped);
        fn(...args);
      };
      return ipcRenderer.on(channel, wrapped);
    },
    removeListener(channel, fn) {
      const list = listenersOf(channel);
      const at = list.indexOf(fn);
      if (at >= 0) list.splice(at, 1);
      return ipcRenderer;
    },
    off: (channel, fn) => ipcRenderer.removeListener(channel, fn),
    removeAllListeners(channel) {
      if (channel === undefined) listeners.clear();
      else listeners.delete(channel);
      return ipcRenderer;
    },
    send(channel, ...args) {
      post({ t: 'ipc-send', channel: String(channel), args: codec.encode(args) });
    },
    invoke(channel, ...args) {
      const id = nextInvoke++;
      const data = codec.encode(args);
      return new Promise((resolve, reject) => {
        invokes.set(id, { resolve, reject });
        post({ t: 'ipc-invoke', id, channel: String(channel), args: data });
      });
    },
    postMessage(channel, message, transfer) {
      if (transfer && transfer.length)
        throw new Error('electron double: ports from the renderer to main are not modelled');
      post({ t: 'ipc-send', channel: String(channel), args: codec.encode([message]) });
    },
    sendSync() {
      throw new Error('electron double: ipcRenderer.sendSync is not modelled');
    },
  };

  const receivePort = id => {
    const channel = new MessageChannel();
    ports.set(id, channel.port2);
    channel.port2.onmessage = e => post({ t: 'port-message', port: id, data: codec.encode(e.data) });
    return channel.port1;
  };

  globalThis.__electronDoubleReceive = msg => {
    switch (msg.t) {
      case 'ipc': {
        const event = { sender: ipcRenderer, senderId: 0, ports: msg.ports.map(receivePort) };
        const args = codec.decode(msg.args);
        for (const fn of [...listenersOf(msg.channel)]) fn(event, ...args);
        return;
      }
      case 'invoke-result': {
        const waiter = invokes.get(msg.id);
        invokes.delete(msg.id);
        if (!waiter) return;
        if (msg.ok) waiter.resolve(codec.decode(msg.value));
        else waiter.reject(new Error(`Error invoking remote method '${msg.channel}': ${msg.error}`));
        return;
      }
      case 'port-message':
        ports.get(msg.port)?.postMessage(codec.decode(msg.data));
        return;
      case 'port-close':
        ports.get(msg.port)?.close();
        ports.delete(msg.port);
        return;
      case 'to-main-world':
        bridge.fire(msg.kind, msg.detail);
        return;
    }
  };

  // ── the sandboxed preload's modules ──
  const contextBridge = {
    exposeInMainWorld(key, api) {
      bridge.call(0, [key, api]);
    },
  };
  let zoom = 1;
  const webFrame = {
    getZoomFactor: () => zoom,
    setZoomFactor: factor => {
      zoom = Number(factor);
    },
  };
  class EventEmitter {
    #events = new Map();
    on(name, fn) {
      if (!this.#events.has(name)) this.#events.set(name, []);
      this.#events.get(name).push(fn);
      return this;
    }
    addListener(name, fn) {
      return this.on(name, fn);
    }
    once(name, fn) {
      const wrapped = (...args) => {
        this.off(name, wrapped);
        fn.apply(this, args);
      };
      return this.on(name, wrapped);
    }
    off(name, fn) {
      const list = this.#events.get(name) ?? [];
      const at = list.indexOf(fn);
      if (at >= 0) list.splice(at, 1);
      return this;
    }
    removeListener(name, fn) {
      return this.off(name, fn);
    }
    removeAllListeners(name) {
      if (name === undefined) this.#events.clear();
      else this.#events.delete(name);
      return this;
    }
    emit(name, ...args) {
      const list = [...(this.#events.get(name) ?? [])];
      for (const fn of list) fn.apply(this, args);
      return list.length > 0;
    }
    listenerCount(name) {
      return (this.#events.get(name) ?? []).length;
    }
  }
  // The page's files come from Playwright or the clipboard, never from a disk path the
  // double could know: it answers '' as Electron does for a file that is not on disk.
  const webUtils = { getPathForFile: () => '' };
  const setImmediate = (fn, ...args) => setTimeout(fn, 0, ...args);
  const timers = { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate: clearTimeout };
  const modules = {
    electron: { contextBridge, ipcRenderer, webFrame, webUtils },
    events: Object.assign(EventEmitter, { EventEmitter }),
    timers,
    url: { URL, URLSearchParams },
  };
  const sandboxRequire = name => {
    const bare = typeof name === 'string' && name.startsWith('node:') ? name.slice(5) : name;
    if (bare !== 'electron' && Object.prototype.hasOwnProperty.call(modules, bare)) return modules[bare];
    if (name === 'electron') return modules.electron;
    throw new Error(`module not found: ${name}`);
  };
  const processShim = {
    type: 'renderer',
    sandboxed: true,
    contextIsolated: true,
    platform: cfg.platform,
    arch: cfg.arch,
    argv: [],
    env: {},
    versions: {},
  };

  const preloadFailed = message => {
    console.error(`Unable to load preload script: ${cfg.preloadPath}`);
    console.error(message);
    post({ t: 'preload-error', message });
  };
  let ran = false;
  globalThis.__electronDoubleRunPreload = body => {
    delete globalThis.__electronDoubleRunPreload;
    ran = true;
    const module = { exports: {} };
    try {
      body.call(
        module.exports,
        module.exports,
        sandboxRequire,
        module,
        processShim,
        globalThis,
        setImmediate,
        clearTimeout,
      );
    } catch (err) {
      preloadFailed(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
    }
  };
  post({ t: 'hello' });
  if (cfg.preloadError !== null) preloadFailed(cfg.preloadError);
  // A preload that does not compile never calls the runner.
  else setTimeout(() => ran || preloadFailed('the preload script did not run (syntax error?)'));
}
