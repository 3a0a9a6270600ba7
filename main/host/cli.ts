import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export type HostConfig = {
  readonly port: number;
  readonly dataDir: string;
  /** Fixed token (tests, scripts); a random one is generated when absent. */
  readonly token: string | null;
  readonly staticDir: string;
};

export const HOST_HELP = `Blazz Desk headless host: the app's core in a plain Node process, with the
inbox served to a browser on this machine only (127.0.0.1).

Usage: npm run serve -- [options]

Options:
  --port <n>        Port to listen on (env BLAZZ_PORT). Default 4870; 0 picks a free port.
  --data-dir <dir>  Where accounts, the local database and media live
                    (env BLAZZ_DATA_DIR). Default ~/.blazz-desk.
  --token <t>       Access token for the browser (env BLAZZ_HOST_TOKEN). Default: a new
                    random token each start. Keep it secret: it grants full access.
  --static <dir>    Built renderer to serve (env BLAZZ_STATIC_DIR). Default dist/renderer.
  -h, --help        Show this help.

At start the host prints the URL to open, with the token in its #fragment
(fragments never reach server logs or proxies).`;

export type CliResult =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly config: HostConfig }
  | { readonly kind: 'error'; readonly message: string };

export function parseHostArgs(argv: readonly string[], env: NodeJS.ProcessEnv, appRoot: string): CliResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        token: { type: 'string' },
        static: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    return {
      kind: 'error',
      message: `${err instanceof Error ? err.message : String(err)}\nRun with --help for the options.`,
    };
  }
  if (values.help) return { kind: 'help' };
  const portText = values.port ?? env.BLAZZ_PORT ?? '4870';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { kind: 'error', message: `--port must be a number from 0 to 65535, got "${portText}"` };
  }
  const token = values.token ?? env.BLAZZ_HOST_TOKEN ?? null;
  if (token !== null && token.length < 16) {
    return { kind: 'error', message: '--token must be at least 16 characters' };
  }
  return {
    kind: 'run',
    config: {
      port,
      dataDir: values['data-dir'] ?? env.BLAZZ_DATA_DIR ?? join(homedir(), '.blazz-desk'),
      token,
      staticDir: values.static ?? env.BLAZZ_STATIC_DIR ?? join(appRoot, 'dist', 'renderer'),
    },
  };
}
