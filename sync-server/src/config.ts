/** Configuration from the environment, overridden by flags; validated with zod. */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseMfaKey } from './auth/mfa-crypto';

export const HELP = `Blazz Desk workspace server

Usage:
  npm run server -- [serve] [flags]          start the server (default)
  npm run server -- create-admin --email E --name N [--password P]
  npm run server -- reset-password --email E [--password P]
  npm run server -- migrate                  apply migrations and exit
  npm run server -- --help

Without --password the password is read from the PASSWORD environment variable.

Environment (flags override):
  DATABASE_URL   --database-url   mysql://user:pass@host:3306/db (MySQL 8 or MariaDB 10.6+)  [required]
  REDIS_URL      --redis-url      redis://host:6379; set it when more than one node runs
  PORT           --port           HTTP and Socket.IO port (default 8787)
  HOST           --host           bind address (default 0.0.0.0)
  BLOB_DIR       --blob-dir       folder of the content-addressed media store (default ./data/blobs);
                                  with BLOB_STORE=s3, only where uploads are checked before they are stored
  BLOB_STORE                      folder (default) or s3: media in an S3-compatible bucket every node shares
  S3_BUCKET                       the bucket (required with BLOB_STORE=s3; it must exist)
  S3_REGION                       its region (default us-east-1)
  S3_ENDPOINT                     e.g. http://minio:9000 for a self-hosted server (unset: AWS)
  S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY   the credentials (required with BLOB_STORE=s3)
  S3_PREFIX                       put before every key, e.g. blazz/ (default none)
  S3_FORCE_PATH_STYLE             1/true: bucket in the path (default: on when S3_ENDPOINT is set)
  LOG_LEVEL      --log-level      pino level: trace|debug|info|warn|error (default info)
  MIGRATIONS_DIR                  folder of the drizzle migrations (default: next to the server)
  SEND_RATE_PER_MIN               relayed sends per member per minute (default 120)
  LOGIN_RATE_PER_IP               sign-in attempts per IP per minute (default 30)
  LOGIN_RATE_PER_ACCOUNT          sign-in attempts per (e-mail, IP) per minute (default 10)
  MAX_BLOB_BYTES                  largest media upload (default 67108864)
  SESSION_IDLE_DAYS               a device unused this long must sign in again (default 30)
  SESSION_MAX_DAYS                any device must sign in again after this long (default 90)
  TRUST_PROXY                     1/true: take the client's address from X-Forwarded-For
                                  (only behind a reverse proxy that sets it; default off)
  MFA_ENCRYPTION_KEY              key for two-step sign-in secrets: 64 hex characters or base64 of 32 bytes
                                  (e.g. openssl rand -hex 32); without it nobody can turn two-step sign-in on
  MFA_ENCRYPTION_KEY_FILE         or a file holding that key (it also encrypts outgoing webhook secrets)
  WEBHOOK_ALLOW_PRIVATE_NETWORKS  1/true: webhooks may target private, loopback and link-local addresses,
                                  and use plain http to them (default off: https to public addresses only)
  CLOUD_GRAPH_URL                 Meta's Graph API for Cloud API numbers (default https://graph.facebook.com)
  CLOUD_GRAPH_VERSION             its version in every path (default v21.0)
`;

const flag = z.enum(['1', 'true', '0', 'false']).transform(v => v === '1' || v === 'true');

/** BLOB_STORE and its S3_* settings; incomplete S3 settings stop the start with what is missing. */
const blobStoreSchema = z
  .object({
    kind: z.enum(['folder', 's3']).default('folder'),
    bucket: z.string().min(3).max(63).optional(),
    region: z.string().min(1).max(50).default('us-east-1'),
    endpoint: z.string().url().optional(),
    prefix: z.string().max(200).default(''),
    accessKeyId: z.string().min(1).optional(),
    secretAccessKey: z.string().min(1).optional(),
    forcePathStyle: flag.optional(),
  })
  .transform((b, ctx) => {
    if (b.kind === 'folder') return { kind: 'folder' as const };
    for (const [field, name] of [
      ['bucket', 'S3_BUCKET'],
      ['accessKeyId', 'S3_ACCESS_KEY_ID'],
      ['secretAccessKey', 'S3_SECRET_ACCESS_KEY'],
    ] as const)
      if (!b[field]) ctx.addIssue({ code: 'custom', message: `${name} is required with BLOB_STORE=s3` });
    return {
      kind: 's3' as const,
      bucket: b.bucket ?? '',
      region: b.region,
      endpoint: b.endpoint,
      prefix: b.prefix,
      accessKeyId: b.accessKeyId ?? '',
      secretAccessKey: b.secretAccessKey ?? '',
      forcePathStyle: b.forcePathStyle ?? b.endpoint !== undefined,
    };
  });

const configSchema = z.object({
  command: z.enum(['serve', 'create-admin', 'reset-password', 'migrate', 'help']),
  databaseUrl: z.string().regex(/^mysql:\/\//, 'DATABASE_URL must start with mysql://'),
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis://')
    .optional(),
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  host: z.string().min(1).default('0.0.0.0'),
  blobDir: z.string().min(1).default('./data/blobs'),
  blobStore: blobStoreSchema,
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  sendsPerMinute: z.coerce.number().int().positive().default(120),
  loginPerIpPerMinute: z.coerce.number().int().positive().default(30),
  loginPerAccountPerMinute: z.coerce.number().int().positive().default(10),
  maxBlobBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  sessionIdleDays: z.coerce.number().positive().max(3650).default(30),
  sessionMaxDays: z.coerce.number().positive().max(3650).default(90),
  trustProxy: z
    .enum(['1', 'true', '0', 'false', ''])
    .default('')
    .transform(v => v === '1' || v === 'true'),
  webhookAllowPrivate: z
    .enum(['1', 'true', '0', 'false', ''])
    .default('')
    .transform(v => v === '1' || v === 'true'),
  cloudGraphUrl: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com'),
  cloudGraphVersion: z
    .string()
    .regex(/^v\d{1,3}\.\d{1,2}$/, 'CLOUD_GRAPH_VERSION looks like v21.0')
    .default('v21.0'),
  email: z.email().optional(),
  name: z.string().min(1).max(200).optional(),
  password: z.string().min(10, 'passwords have at least 10 characters').max(200).optional(),
});
export type Config = z.infer<typeof configSchema> & { mfaKey: Buffer | null };

export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'blob-dir': { type: 'string' },
      'log-level': { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const command = values.help ? 'help' : (positionals[0] ?? 'serve');
  const raw = {
    command,
    databaseUrl: values['database-url'] ?? env['DATABASE_URL'] ?? (command === 'help' ? 'mysql://unused' : undefined),
    redisUrl: values['redis-url'] ?? (env['REDIS_URL'] || undefined),
    port: values.port ?? env['PORT'],
    host: values.host ?? env['HOST'],
    blobDir: values['blob-dir'] ?? env['BLOB_DIR'],
    blobStore: {
      kind: env['BLOB_STORE'] || undefined,
      bucket: env['S3_BUCKET'] || undefined,
      region: env['S3_REGION'] || undefined,
      endpoint: env['S3_ENDPOINT'] || undefined,
      prefix: env['S3_PREFIX'] || undefined,
      accessKeyId: env['S3_ACCESS_KEY_ID'] || undefined,
      secretAccessKey: env['S3_SECRET_ACCESS_KEY'] || undefined,
      forcePathStyle: env['S3_FORCE_PATH_STYLE']?.toLowerCase() || undefined,
    },
    logLevel: values['log-level'] ?? env['LOG_LEVEL'],
    sendsPerMinute: env['SEND_RATE_PER_MIN'],
    loginPerIpPerMinute: env['LOGIN_RATE_PER_IP'],
    loginPerAccountPerMinute: env['LOGIN_RATE_PER_ACCOUNT'],
    maxBlobBytes: env['MAX_BLOB_BYTES'],
    sessionIdleDays: env['SESSION_IDLE_DAYS'],
    sessionMaxDays: env['SESSION_MAX_DAYS'],
    trustProxy: env['TRUST_PROXY']?.toLowerCase(),
    webhookAllowPrivate: env['WEBHOOK_ALLOW_PRIVATE_NETWORKS']?.toLowerCase(),
    cloudGraphUrl: env['CLOUD_GRAPH_URL'] || undefined,
    cloudGraphVersion: env['CLOUD_GRAPH_VERSION'] || undefined,
    email: values.email,
    name: values.name,
    password: values.password ?? env['PASSWORD'],
  };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map(i => `${i.path.join('.') || 'config'}: ${i.message}`).join('\n'));
  }
  return { ...parsed.data, mfaKey: readMfaKey(env) };
}

/** The TOTP secrets' key; a key that is set but malformed stops the start rather than being ignored. */
function readMfaKey(env: NodeJS.ProcessEnv): Buffer | null {
  const file = env['MFA_ENCRYPTION_KEY_FILE'];
  const text = env['MFA_ENCRYPTION_KEY'] || (file ? readFileSync(file, 'utf8') : '');
  if (!text) return null;
  const key = parseMfaKey(text);
  if (!key) throw new Error('MFA_ENCRYPTION_KEY: expected 64 hex characters or base64 of 32 bytes');
  return key;
}
