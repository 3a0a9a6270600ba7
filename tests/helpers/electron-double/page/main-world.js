// The page's (main) world side of the double: receives what the preload exposes, and stands
// in for what Electron's browser process does for the page: Notification (shown natively,
// permission asked through session.setPermissionRequestHandler) and window.focus()
// (Electron activates the BrowserWindow).
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the script that embeds this file
function electronDoubleMainWorld(cfg, makeBridge) {
  /* global window */
  const bridge = makeBridge(cfg.prefix, 'mw', 'iw');
  const host = msg => bridge.fire('host', msg);

  bridge.provide(0, (key, api) => {
    if (typeof key !== 'string' || key in window)
      throw new Error('Cannot bind an API on top of an existing property on the window object');
    Object.defineProperty(window, key, { value: api, enumerable: true, configurable: false, writable: false });
  });

  const nativeFocus = window.focus;
  window.focus = function focus() {
    host({ t: 'focus-request' });
    return nativeFocus.call(window);
  };

  let permission = 'granted';
  const permissionWaiters = new Map();
  const shown = new Map();
  let nextId = 1;
  const fire = (target, type) => {
    const event = new Event(type);
    target.dispatchEvent(event);
    const handler = target[`on${type}`];
    if (typeof handler === 'function') handler.call(target, event);
  };

  class Notification extends EventTarget {
    static get permission() {
      return permission;
    }
    static requestPermission(callback) {
      const id = nextId++;
      return new Promise(resolve => {
        permissionWaiters.set(id, result => {
          permission = result;
          if (typeof callback === 'function') callback(result);
          resolve(result);
        });
        host({ t: 'permission-request', id, permission: 'notifications' });
      });
    }
    constructor(title, options = {}) {
      super();
      this.id = nextId++;
      this.title = String(title);
      this.body = String(options.body ?? '');
      this.tag = String(options.tag ?? '');
      this.silent = Boolean(options.silent);
      this.onclick = null;
      this.onclose = null;
      this.onshow = null;
      this.onerror = null;
      if (permission !== 'granted') {
        setTimeout(() => fire(this, 'error'));
        return;
      }
      shown.set(this.id, this);
      host({ t: 'notification-show', id: this.id, title: this.title, body: this.body, tag: this.tag });
      setTimeout(() => fire(this, 'show'));
    }
    close() {
      if (!shown.delete(this.id)) return;
      host({ t: 'notification-close', id: this.id });
      fire(this, 'close');
    }
  }
  Object.defineProperty(window, 'Notification', { value: Notification, configurable: true, writable: true });

  bridge.on('notification-click', ({ id }) => {
    const n = shown.get(id);
    if (n) fire(n, 'click');
  });
  bridge.on('permission-result', ({ id, granted }) => {
    const done = permissionWaiters.get(id);
    permissionWaiters.delete(id);
    if (done) done(granted ? 'granted' : 'denied');
  });
}
