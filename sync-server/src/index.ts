/** Entry point: read the configuration, then run a CLI command or start the server. */
import { createApplication } from './app';
import { daysToMs } from './auth/expiry';
import { runCli } from './cli';
import { HELP, readConfig } from './config';
import { createLog } from './log';

async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2), process.env);
  if (config.command === 'help') return void process.stdout.write(HELP);
  if (config.command !== 'serve') return runCli(config, line => process.stdout.write(line + '\n'));
  const log = createLog(config.logLevel);
  const app = await createApplication({
    databaseUrl: config.databaseUrl,
    redisUrl: config.redisUrl,
    blobDir: config.blobDir,
    blobStore: config.blobStore,
    log,
    processMetrics: true,
    mfaKey: config.mfaKey,
    limits: {
      sendsPerMinute: config.sendsPerMinute,
      loginPerIpPerMinute: config.loginPerIpPerMinute,
      loginPerAccountPerMinute: config.loginPerAccountPerMinute,
      maxBlobBytes: config.maxBlobBytes,
    },
    sessions: { idleMs: daysToMs(config.sessionIdleDays), maxMs: daysToMs(config.sessionMaxDays) },
    trustProxy: config.trustProxy,
    webhooks: { allowPrivateNetworks: config.webhookAllowPrivate },
    cloud: { graphUrl: config.cloudGraphUrl, graphVersion: config.cloudGraphVersion },
  });
  const port = await app.listen(config.port, config.host);
  log.info({ port, redis: Boolean(config.redisUrl), blobStore: config.blobStore.kind }, 'workspace server listening');
  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\nRun with --help for usage.\n`);
  process.exit(1);
});
