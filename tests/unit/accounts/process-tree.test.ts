import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { killRemembered, processTree, treeRss } from '../../../main/accounts/process-tree';

const started: Array<ReturnType<typeof spawn>> = [];
afterEach(() => {
  for (const p of started.splice(0)) p.kill('SIGKILL');
});

const idle = () => {
  const p = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  started.push(p);
  return p;
};
const exited = (p: ReturnType<typeof spawn>) =>
  new Promise(r => (p.exitCode !== null || p.signalCode !== null ? r(null) : p.once('exit', r)));

describe.runIf(process.platform === 'linux')('process tree (Linux /proc)', () => {
  it('lists a process and its children with their resident memory', async () => {
    const child = idle();
    const tree = await processTree(process.pid);
    expect(tree[0]?.pid).toBe(process.pid);
    expect(tree.some(p => p.pid === child.pid && p.ppid === process.pid)).toBe(true);
    expect(treeRss(tree)).toBeGreaterThan(10 * 1024 * 1024);
    expect(await processTree(2 ** 22 + 7)).toEqual([]);
  });

  it('kills remembered processes, but never a pid that now belongs to another process', async () => {
    const a = idle();
    const b = idle();
    const tree = await processTree(process.pid);
    const ra = tree.find(p => p.pid === a.pid);
    const rb = tree.find(p => p.pid === b.pid);
    if (!ra || !rb) throw new Error('children not listed');
    const killed = await killRemembered([ra, { ...rb, startTime: 'another process' }]);
    expect(killed).toBe(1);
    await exited(a);
    expect(a.signalCode).toBe('SIGKILL');
    expect(b.exitCode === null && b.signalCode === null).toBe(true);
  });
});
