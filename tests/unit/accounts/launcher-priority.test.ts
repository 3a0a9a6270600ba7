/**
 * Account processes run below normal OS priority however the core runs (desktop core
 * process, headless host): every shell launches them through forkLauncher (docs/accounts.md,
 * "Priority"), so when the machine is busy the core and the window win.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { constants, getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forkLauncher } from '../../../main/accounts/launcher';

const dir = mkdtempSync(join(tmpdir(), 'blazz-priority-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('forkLauncher', () => {
  it('starts an account process below normal priority, nicer than the core that starts it', async () => {
    const entry = join(dir, 'idle.mjs');
    writeFileSync(entry, 'setInterval(() => {}, 1000);\n');
    const child = forkLauncher({ entry, stdio: 'ignore' }).launch('acc_priority', {});
    try {
      expect(child.pid).not.toBeNull();
      const nice = getPriority(child.pid ?? 0);
      expect(nice).toBe(constants.priority.PRIORITY_BELOW_NORMAL);
      expect(nice).toBeGreaterThan(getPriority());
    } finally {
      const exited = new Promise(resolve => child.onExit(resolve));
      child.kill('SIGKILL');
      await exited;
    }
  });
});
