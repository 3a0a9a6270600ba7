/**
 * Resident memory and clean-up of one account's process tree. An account is a Node child
 * plus, for whatsapp-web.js, a Chromium with a dozen helpers of its own; puppeteer starts
 * Chromium in its own process group, so killing the account's process would orphan it.
 * Main therefore remembers the tree while it is alive and kills what is left after exit.
 */
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import type { ChildHandle } from './launcher';

export type TreeProcess = {
  readonly pid: number;
  readonly ppid: number;
  readonly rssBytes: number;
  readonly startTime: string;
};

const PAGE_SIZE = 4096;

function readLinuxProcess(pid: number): TreeProcess | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: parse after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(rest[1]);
    const startTime = rest[19] ?? '';
    const rssPages = Number(rest[21]);
    return { pid, ppid, rssBytes: rssPages * PAGE_SIZE, startTime };
  } catch {
    return null; // gone between readdir and read
  }
}

function listLinux(): TreeProcess[] {
  const out: TreeProcess[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = readLinuxProcess(Number(name));
    if (p) out.push(p);
  }
  return out;
}

function listPs(): Promise<TreeProcess[]> {
  return new Promise(resolve => {
    execFile('ps', ['-A', '-o', 'pid=,ppid=,rss=,lstart='], { maxBuffer: 8 << 20 }, (err, stdout) => {
      if (err) return resolve([]);
      const rows = stdout
        .split('\n')
        .map(line => line.trim().split(/\s+/))
        .filter(cols => cols.length >= 3)
        .map(([pid, ppid, rss, ...start]) => ({
          pid: Number(pid),
          ppid: Number(ppid),
          rssBytes: Number(rss) * 1024,
          startTime: start.join(' '),
        }));
      resolve(rows);
    });
  });
}

/**
 * Linux: walk /proc/<pid>/task/<tid>/children from the root, a handful of small reads
 * instead of a scan of every process on the machine. Null when the kernel lacks the file.
 */
function walkLinux(rootPid: number): TreeProcess[] | null {
  const out: TreeProcess[] = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift() as number;
    const p = readLinuxProcess(pid);
    if (!p) continue;
    out.push(p);
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const kids = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (kids) queue.push(...kids.split(/\s+/).map(Number));
      } catch {
        return null;
      }
    }
  }
  return out;
}

/** Every process in the tree rooted at `rootPid` (root included), or [] when it is gone. */
export async function processTree(rootPid: number): Promise<TreeProcess[]> {
  if (process.platform === 'linux') {
    const walked = walkLinux(rootPid);
    if (walked) return walked;
  }
  const all = process.platform === 'linux' ? listLinux() : process.platform === 'win32' ? [] : await listPs();
  const byParent = new Map<number, TreeProcess[]>();
  for (const p of all) {
    const siblings = byParent.get(p.ppid) ?? [];
    siblings.push(p);
    byParent.set(p.ppid, siblings);
  }
  const root = all.find(p => p.pid === rootPid);
  if (!root) return [];
  const tree: TreeProcess[] = [];
  const queue = [root];
  while (queue.length) {
    const p = queue.shift() as TreeProcess;
    tree.push(p);
    queue.push(...(byParent.get(p.pid) ?? []));
  }
  return tree;
}

export const treeRss = (tree: readonly TreeProcess[]): number => tree.reduce((sum, p) => sum + p.rssBytes, 0);

/**
 * Kill processes remembered from a tree, skipping any pid that now belongs to a different
 * process (same pid, other start time), so a recycled pid is never hit.
 */
export async function killRemembered(remembered: readonly TreeProcess[]): Promise<number> {
  if (remembered.length === 0) return 0;
  const now = process.platform === 'linux' ? listLinux() : process.platform === 'win32' ? [] : await listPs();
  const alive = new Map(now.map(p => [p.pid, p]));
  let killed = 0;
  for (const p of remembered) {
    const current = alive.get(p.pid);
    if (!current || current.startTime !== p.startTime) continue;
    try {
      process.kill(p.pid, 'SIGKILL');
      killed++;
    } catch {
      // already gone or not ours: nothing to clean up
    }
    // Chromium leads its own process group (puppeteer starts it detached): its helpers, even
    // ones started after the tree was remembered, go with the group.
    if (process.platform !== 'win32') {
      try {
        process.kill(-p.pid, 'SIGKILL');
      } catch {
        // not a group leader: the usual case for everything but the browser
      }
    }
  }
  return killed;
}

/**
 * Kill an account's process now. Windows has no tree we could remember: taskkill takes
 * the whole tree while the root still lives. Elsewhere leftovers are killed after exit.
 */
export function killAccountProcess(handle: Pick<ChildHandle, 'pid' | 'kill'>): void {
  if (process.platform === 'win32' && handle.pid !== null) {
    execFile('taskkill', ['/PID', String(handle.pid), '/T', '/F'], () => undefined);
  }
  handle.kill('SIGKILL');
}
