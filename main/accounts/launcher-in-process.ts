/**
 * Runs an account's runtime inside main, for fast unit tests and quick experiments with
 * the simulator. Messages are copied and delivered asynchronously, as over real IPC, so
 * the supervisor behaves the same; a "kill" stops the runtime at once.
 */
import type { ChildHandle, ExitInfo, ProcessLauncher } from './launcher';
import type { ChildToMain, MainToChild } from './protocol';
import type { ProviderLoader, RuntimeHandle } from './runtime/host';
import { loadProvider, runAccountRuntime } from './runtime/host';

export function inProcessLauncher(load: ProviderLoader = loadProvider): ProcessLauncher {
  return {
    launch() {
      const toMain: Array<(raw: unknown) => void> = [];
      const toChild: Array<(raw: unknown) => void> = [];
      const exitCallbacks: Array<(info: ExitInfo) => void> = [];
      let exited: ExitInfo | null = null;
      let runtime: RuntimeHandle | null = null;

      const exit = (info: ExitInfo) => {
        if (exited) return;
        exited = info;
        void runtime?.abandon();
        setImmediate(() => exitCallbacks.forEach(cb => cb(info)));
      };
      const deliver = (targets: Array<(raw: unknown) => void>, msg: ChildToMain | MainToChild) => {
        const copy: unknown = structuredClone(msg);
        setImmediate(() => {
          if (!exited) targets.forEach(cb => cb(copy));
        });
      };

      runtime = runAccountRuntime(
        {
          send: msg => deliver(toMain, msg),
          onMessage: cb => toChild.push(cb),
          exit: code => exit({ code, signal: null }),
          rssBytes: () => process.memoryUsage.rss(),
        },
        load,
      );

      const handle: ChildHandle = {
        pid: null,
        send: msg => deliver(toChild, msg),
        onMessage: cb => toMain.push(cb),
        onExit: cb => {
          if (exited) setImmediate(() => cb(exited as ExitInfo));
          else exitCallbacks.push(cb);
        },
        kill: (signal = 'SIGTERM') => exit({ code: null, signal }),
      };
      return handle;
    },
  };
}
