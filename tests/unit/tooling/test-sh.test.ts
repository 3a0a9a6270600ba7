// scripts/test.sh stops at a failed build instead of testing the previous dist/. Runs the
// real script in a scratch copy of the repository whose build fails; npx is a stub that
// records any later step, so nothing real is linted or tested. Needs what `npm test`
// installs first (chromium, mariadb-server, redis-server), like the integration tests.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('a failed build ends the run with one failure and a clear message, running no later step', () => {
  dir = mkdtempSync(join(tmpdir(), 'test-sh-'));
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'node_modules'));
  mkdirSync(join(dir, 'stubs'));
  copyFileSync(join(__dirname, '../../../scripts/test.sh'), join(dir, 'scripts/test.sh'));
  writeFileSync(join(dir, 'scripts/build.mjs'), 'console.error("build broke"); process.exit(1);\n');
  writeFileSync(join(dir, 'package-lock.json'), '{}');
  writeFileSync(join(dir, 'node_modules/.package-lock.json'), '{}');
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(dir, 'package-lock.json'), past, past); // npm ci is not due
  for (const tool of ['npx', 'apt-get', 'sudo']) {
    writeFileSync(join(dir, 'stubs', tool), `#!/bin/sh\necho "${tool} $*" >> "${join(dir, 'calls.txt')}"\nexit 1\n`);
    chmodSync(join(dir, 'stubs', tool), 0o755);
  }

  const r = spawnSync('bash', ['scripts/test.sh'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(dir, 'stubs')}:${process.env.PATH ?? ''}` },
    timeout: 60_000,
  });

  expect(r.status).toBe(1);
  const lines = r.stdout.trim().split('\n');
  expect(lines.at(-1)).toBe('0 passed, 1 failed, 0 skipped');
  expect(r.stdout).toContain('The build failed (output above): stopping here instead of testing an old dist/.');
  expect(existsSync(join(dir, 'calls.txt')) ? readFileSync(join(dir, 'calls.txt'), 'utf8') : '').toBe('');
});
