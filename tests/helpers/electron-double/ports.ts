/**
 * MessageChannelMain / MessagePortMain. A port used in main delivers locally (after
 * start(), as Electron's do); a port transferred to a utility process or a page is routed
 * by main to where it went (in Electron the two ends then talk without main: see README).
 */
import { EventEmitter } from 'node:events';

/** Where a transferred port's messages go, and how its far end is told it closed. */
export type RemoteEnd = { deliver(data: unknown): void; close(): void };

const registry = new Map<number, MessagePortMain>();
let nextPortId = 1;

export class MessagePortMain extends EventEmitter {
  readonly id = nextPortId++;
  peer: MessagePortMain | null = null;
  private started = false;
  private closed = false;
  private remote: RemoteEnd | null = null;
  private readonly queue: unknown[] = [];

  constructor() {
    super();
    registry.set(this.id, this);
  }

  postMessage(message: unknown, transfer: readonly MessagePortMain[] = []): void {
    if (transfer.length > 0)
      throw new Error('electron double: transferring ports over a MessagePortMain is not modelled');
    if (this.remote) throw new Error('electron double: this port was transferred and cannot be used here');
    if (this.closed) return;
    // Electron clones with the structured clone algorithm: a function throws here.
    this.peer?.receive(structuredClone(message));
  }

  start(): void {
    this.started = true;
    for (const data of this.queue.splice(0)) setImmediate(() => this.emit('message', { data, ports: [] }));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    registry.delete(this.id);
    this.peer?.peerClosed();
  }

  /** Moves this end to a child process or a page: what is queued and what comes later goes there. */
  transferTo(remote: RemoteEnd): void {
    if (this.remote || this.closed) throw new Error('electron double: a port can be transferred only once');
    this.remote = remote;
    for (const data of this.queue.splice(0)) remote.deliver(data);
  }

  /** The far end (child or page) posted on this transferred port. */
  fromRemote(data: unknown): void {
    if (!this.closed) this.peer?.receive(data);
  }

  receive(data: unknown): void {
    if (this.closed) return;
    if (this.remote) this.remote.deliver(data);
    else if (this.started) setImmediate(() => this.emit('message', { data, ports: [] }));
    else this.queue.push(data);
  }

  private peerClosed(): void {
    if (this.closed) return;
    this.closed = true;
    registry.delete(this.id);
    if (this.remote) this.remote.close();
    else this.emit('close');
  }
}

export class MessageChannelMain {
  readonly port1 = new MessagePortMain();
  readonly port2 = new MessagePortMain();
  constructor() {
    this.port1.peer = this.port2;
    this.port2.peer = this.port1;
  }
}

export const portById = (id: number): MessagePortMain | undefined => registry.get(id);
