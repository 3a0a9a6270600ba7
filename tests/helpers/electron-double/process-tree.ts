/** Processes below a pid, read from /proc (Linux), to prove a quit leaves none running. */
import { readFileSync, readdirSync } from 'node:fs';

type Proc = { pid: number; ppid: number; state: string; cmd: string };

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command may contain spaces and parentheses: fields start after the last ')'.
    const close = stat.lastIndexOf(')');
    const [state = '', ppid = '0'] = stat.slice(close + 2).split(' ');
    return { pid, ppid: Number(ppid), state, cmd: stat.slice(stat.indexOf('(') + 1, close) };
  } catch {
    return null;
  }
}

export function descendants(root: number): Proc[] {
  const all = readdirSync('/proc')
    .filter(name => /^\d+$/.test(name))
    .map(name => readProc(Number(name)))
    .filter((p): p is Proc => p !== null);
  const found: Proc[] = [];
  const queue = [root];
  while (queue.length) {
    const parent = queue.shift();
    for (const p of all)
      if (p.ppid === parent) {
        found.push(p);
        queue.push(p.pid);
      }
  }
  return found;
}

/** Still running (a zombie has ended; only its exit status waits to be collected). */
export const isRunning = (pid: number): boolean => {
  const p = readProc(pid);
  return p !== null && p.state !== 'Z' && p.state !== 'X';
};
