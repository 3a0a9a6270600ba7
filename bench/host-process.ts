import { spawn } from 'node:child_process';

export type HostProcess = { url: string; port: number; token: string; stop(): Promise<void> };

/**
 * The built headless host (dist/host/index.mjs) in its own data folder, as `npm run serve`
 * starts it; on a free port unless one is given (a user's host keeps its port: 4870).
 */
export function startHostProcess(dataDir: string, port = 0): Promise<HostProcess> {
  const child = spawn(process.execPath, ['dist/host/index.mjs', '--port', String(port), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 60_000);
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+))/.exec(output);
      if (m?.[1] && m[2] && m[3]) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          port: Number(m[2]),
          token: m[3],
          stop: () =>
            new Promise(done => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', code => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
}
