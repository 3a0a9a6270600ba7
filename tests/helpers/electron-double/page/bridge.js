// contextBridge semantics between the preload's isolated world and the page's main world.
// Both worlds share the DOM: a CustomEvent dispatched on `document` runs the other world's
// listeners synchronously, and Chromium structured-clones its `detail` across worlds. On
// top of that clone, this file adds what Electron's bridge adds: functions become proxies
// (by id), promises become promises, errors are copied by name and message, and objects
// lose their prototype (own enumerable keys are copied).
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the script that embeds this file
function electronDoubleBridge(prefix, me, other) {
  /* global document */
  const FN = '\u0000electron-double:function';
  const PROMISE = '\u0000electron-double:promise';
  const ERROR = '\u0000electron-double:error';
  const fns = new Map();
  const pending = new Map();
  let nextId = 1;
  let returned = null;
  const fire = (kind, detail) => document.dispatchEvent(new CustomEvent(`${prefix}${other}:${kind}`, { detail }));
  const on = (kind, fn) => document.addEventListener(`${prefix}${me}:${kind}`, e => fn(e.detail));
  const isPlainObject = v =>
    v !== null && typeof v === 'object' && Object.prototype.toString.call(v) === '[object Object]';

  function out(v) {
    if (typeof v === 'function') {
      const id = nextId++;
      fns.set(id, v);
      return { [FN]: id };
    }
    if (typeof v === 'symbol') throw new Error('electron double: a Symbol cannot cross the context bridge');
    if (v instanceof Promise) {
      const id = nextId++;
      v.then(
        value => fire('settle', { id, ok: true, value: out(value) }),
        err => fire('settle', { id, ok: false, value: out(err instanceof Error ? err : new Error(String(err))) }),
      );
      return { [PROMISE]: id };
    }
    if (Array.isArray(v)) return v.map(out);
    if (v instanceof Error) return { [ERROR]: { name: v.name, message: v.message } };
    if (isPlainObject(v)) {
      const copy = {};
      for (const k of Object.keys(v)) copy[k] = out(v[k]);
      return copy;
    }
    // Primitives and cloneable built-ins (Date, Map, typed arrays…): the event's clone copies them.
    return v;
  }

  function back(v) {
    if (Array.isArray(v)) return v.map(back);
    if (!isPlainObject(v)) return v;
    if (FN in v) {
      const id = v[FN];
      return (...args) => call(id, args);
    }
    if (PROMISE in v) return new Promise((resolve, reject) => pending.set(v[PROMISE], { resolve, reject }));
    if (ERROR in v) {
      const e = new Error(v[ERROR].message);
      e.name = v[ERROR].name;
      return e;
    }
    const copy = {};
    for (const k of Object.keys(v)) copy[k] = back(v[k]);
    return copy;
  }

  function call(id, args) {
    returned = null;
    fire('call', { id, args: out(args) });
    const r = returned;
    returned = null;
    if (r === null) throw new Error('electron double: the other world did not answer the call');
    if ('thrown' in r) throw back(r.thrown);
    return back(r.value);
  }

  on('call', d => {
    let r;
    try {
      const fn = fns.get(d.id);
      if (!fn) throw new Error('electron double: no such bridged function');
      r = { value: out(fn(...back(d.args))) };
    } catch (err) {
      r = { thrown: out(err instanceof Error ? err : new Error(String(err))) };
    }
    fire('return', r);
  });
  on('return', d => {
    returned = d;
  });
  on('settle', d => {
    const p = pending.get(d.id);
    pending.delete(d.id);
    if (p) (d.ok ? p.resolve : p.reject)(back(d.value));
  });

  return {
    call,
    fire,
    on,
    /** A function the other world calls by a fixed id (0: exposeInMainWorld). */
    provide: (id, fn) => fns.set(id, fn),
  };
}
