/**
 * utilityProcess.fork → a real child_process.fork of the same module, with Electron's
 * structured-clone serialization and a parentPort in the child (child/parent-port.mjs).
 */
import type { ChildProcess } from 'node:child_process';
import { fork as forkChild } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { MessagePortMain } from './ports';
import { portById } from './ports';
import { readyState } from './protocol';

const SHIM = fileURLToPath(new URL('./child/parent-port.mjs', import.meta.url));
const live = new Set<UtilityProcessDouble>();

type ForkOptions = {
  env?: NodeJS.ProcessEnv;
  execArgv?: string[];
  cwd?: string;
  stdio?: 'pipe' | 'ignore' | 'inherit' | ReadonlyArray<'pipe' | 'ignore' | 'inherit'>;
  serviceName?: string;
};

const portId = z.number().int().nonnegative();
const fromChildSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('message'), data: z.unknown() }),
  z.object({ t: z.literal('port-message'), port: portId, data: z.unknown() }),
  z.object({ t: z.literal('port-close'), port: portId }),
]);

export class UtilityProcessDouble extends EventEmitter {
  pid: number | undefined;
  readonly serviceName: string;
  private readonly child: ChildProcess;

  constructor(modulePath: string, args: readonly string[], options: ForkOptions) {
    super();
    this.serviceName = options.serviceName ?? 'Node Utility Process';
    const stdio = options.stdio ?? 'inherit';
    const three = typeof stdio === 'string' ? [stdio, stdio, stdio] : [...stdio];
    this.child = forkChild(modulePath, [...args], {
      cwd: options.cwd,
      env: { ...(options.env ?? process.env), ELECTRON_DOUBLE_UTILITY: '1' },
      execArgv: ['--import', SHIM, ...(options.execArgv ?? [])],
      serialization: 'advanced',
      stdio: [three[0] ?? 'inherit', three[1] ?? 'inherit', three[2] ?? 'inherit', 'ipc'],
    });
    live.add(this);
    this.child.on('spawn', () => {
      this.pid = this.child.pid;
      this.emit('spawn');
    });
    this.child.on('message', raw => this.fromChild(raw));
    this.child.on('exit', (code, signal) => {
      live.delete(this);
      this.pid = undefined;
      this.emit('exit', code ?? (signal ? 1 : 0));
    });
  }

  get stdout() {
    return this.child.stdout;
  }
  get stderr() {
    return this.child.stderr;
  }

  postMessage(message: unknown, transfer: readonly MessagePortMain[] = []): void {
    const data = structuredClone(message);
    for (const port of transfer) {
      port.transferTo({
        deliver: d => this.send({ t: 'port-message', port: port.id, data: d }),
        close: () => this.send({ t: 'port-close', port: port.id }),
      });
    }
    this.send({ t: 'message', data, ports: transfer.map(p => p.id) });
  }

  kill(): boolean {
    return this.child.kill();
  }

  private send(msg: unknown): void {
    if (this.child.connected) this.child.send(msg as object, err => void err);
  }

  private fromChild(input: unknown): void {
    const parsed = fromChildSchema.safeParse(input);
    if (!parsed.success) return;
    const raw = parsed.data;
    if (raw.t === 'message') this.emit('message', raw.data);
    else if (raw.t === 'port-message') portById(raw.port)?.fromRemote(raw.data);
    else if (raw.t === 'port-close') portById(raw.port)?.close();
  }
}

export const utilityProcess = {
  fork(modulePath: string, args: readonly string[] = [], options: ForkOptions = {}): UtilityProcessDouble {
    if (!readyState.ready) throw new Error('utilityProcess cannot be created before app is ready');
    return new UtilityProcessDouble(modulePath, args, options);
  },
};

/** Electron ends every utility process when the app exits. */
export function killUtilityProcesses(): void {
  for (const p of live) p.kill();
}

export const utilityPids = (): number[] => [...live].flatMap(p => (p.pid === undefined ? [] : [p.pid]));
