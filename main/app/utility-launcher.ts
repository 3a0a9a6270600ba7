import type { UtilityProcess } from 'electron';
import type { ChildHandle, ExitInfo, ProcessLauncher } from '../accounts/launcher';

type Fork = (
  modulePath: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; serviceName: string; stdio: 'inherit' | 'ignore' },
) => UtilityProcess;

/**
 * Desktop launcher: each account in an Electron utilityProcess (a Node child that Electron
 * itself supervises and kills with the app). The supervisor in main/accounts cannot tell it
 * from the headless host's fork(); the child entry speaks to process.parentPort.
 */
export function utilityProcessLauncher(fork: Fork, entry: string): ProcessLauncher {
  return {
    launch(accountId, env): ChildHandle {
      const child = fork(entry, ['--account', accountId], {
        env: { ...process.env, ...env },
        serviceName: `Blazz account ${accountId}`,
        stdio: 'inherit',
      });
      const exitCallbacks: Array<(info: ExitInfo) => void> = [];
      let exited: ExitInfo | null = null;
      child.on('exit', code => {
        exited = { code, signal: null };
        for (const cb of exitCallbacks) cb(exited);
      });
      return {
        get pid() {
          return child.pid ?? null;
        },
        send(msg) {
          if (exited === null) child.postMessage(msg);
        },
        onMessage(cb) {
          child.on('message', cb);
        },
        onExit(cb) {
          if (exited) cb(exited);
          else exitCallbacks.push(cb);
        },
        kill() {
          // utilityProcess.kill() takes no signal: it always terminates the process.
          if (exited === null) child.kill();
        },
      };
    },
  };
}
