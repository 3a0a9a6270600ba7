/**
 * The environment the core process gives every account process. Account processes are
 * forked with child_process.fork from the core's utility process, which starts this same
 * Electron binary; ELECTRON_RUN_AS_NODE makes it plain Node instead of a second app. This
 * is why electron-builder.yml keeps the RunAsNode fuse on (tests/unit/app/fuses.test.ts).
 */
export const ACCOUNT_PROCESS_ENV: Readonly<Record<string, string>> = { ELECTRON_RUN_AS_NODE: '1' };
