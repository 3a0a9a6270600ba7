// Loaded with --import into a utility process the double forks (plain JS: it runs before
// anything else and must not change how the child loads its own code). Gives the child what
// Electron gives a utilityProcess: process.parentPort (structured clone, MessagePortMain
// for transferred ports) and no Node IPC of its own; it dies with the app.
import { EventEmitter } from 'node:events';
import process from 'node:process';

const FLAG = 'ELECTRON_DOUBLE_UTILITY';

if (process.env[FLAG] === '1' && typeof process.send === 'function') {
  // Not inherited by what this process forks (account processes are plain Node children).
  delete process.env[FLAG];
  const send = process.send.bind(process);
  const ports = new Map();

  class MessagePortMain extends EventEmitter {
    #started = false;
    #closed = false;
    #queue = [];
    constructor(id) {
      super();
      this.id = id;
    }
    postMessage(message) {
      if (!this.#closed) send({ t: 'port-message', port: this.id, data: message });
    }
    start() {
      this.#started = true;
      for (const data of this.#queue.splice(0)) setImmediate(() => this.emit('message', { data, ports: [] }));
    }
    close() {
      if (this.#closed) return;
      this.#closed = true;
      ports.delete(this.id);
      send({ t: 'port-close', port: this.id });
    }
    deliver(data) {
      if (this.#closed) return;
      if (this.#started) this.emit('message', { data, ports: [] });
      else this.#queue.push(data);
    }
    remoteClosed() {
      if (this.#closed) return;
      this.#closed = true;
      ports.delete(this.id);
      this.emit('close');
    }
  }

  const parentPort = new EventEmitter();
  parentPort.postMessage = message => send({ t: 'message', data: message });
  // As in Electron, messages wait until the child listens (its module may still be loading).
  const early = [];
  let listening = false;
  parentPort.on('newListener', event => {
    if (event !== 'message' || listening) return;
    listening = true;
    setImmediate(() => {
      for (const message of early.splice(0)) parentPort.emit('message', message);
    });
  });
  process.on('message', raw => {
    if (raw === null || typeof raw !== 'object') return;
    if (raw.t === 'message') {
      const transferred = (raw.ports ?? []).map(id => {
        const port = new MessagePortMain(id);
        ports.set(id, port);
        return port;
      });
      const message = { data: raw.data, ports: transferred };
      if (listening && early.length === 0) parentPort.emit('message', message);
      else early.push(message);
    } else if (raw.t === 'port-message') ports.get(raw.port)?.deliver(raw.data);
    else if (raw.t === 'port-close') ports.get(raw.port)?.remoteClosed();
  });
  Object.defineProperty(process, 'parentPort', { value: parentPort, enumerable: true });
  // A utility process has no child_process IPC: code must not find process.send.
  Object.defineProperty(process, 'send', { value: undefined, configurable: true, writable: true });
  // Electron terminates utility processes when the app exits.
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}
