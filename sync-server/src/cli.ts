/** Operator commands: the first admin, password resets, migrations. */
import { randomUUID } from 'node:crypto';
import { hashPassword } from './auth/crypto';
import { migrateDatabase, openDatabase } from './db/index';
import { insertMember, memberByEmail, revokeSessionsOfMember, updateMember } from './db/repositories/members';
import type { Config } from './config';

export async function runCli(config: Config, out: (line: string) => void): Promise<void> {
  const database = openDatabase(config.databaseUrl, { poolSize: 2 });
  try {
    await migrateDatabase(database);
    if (config.command === 'migrate') return out('migrations applied');
    if (!config.email || !config.password) throw new Error('--email and --password (or PASSWORD) are required');
    const existing = await memberByEmail(database.db, config.email);
    const passwordHash = await hashPassword(config.password);
    if (config.command === 'create-admin') {
      if (existing) throw new Error(`a member with e-mail ${config.email} exists; use reset-password`);
      const id = randomUUID();
      await insertMember(database.db, {
        id,
        email: config.email,
        name: config.name ?? config.email,
        role: 'admin',
        passwordHash,
        now: Date.now(),
      });
      return out(`admin created: ${config.email} (${id})`);
    }
    if (!existing) throw new Error(`no member with e-mail ${config.email}`);
    await updateMember(database.db, existing.id, { passwordHash });
    // A reset usually means the old password leaked: sign every device out.
    await revokeSessionsOfMember(database.db, existing.id, Date.now());
    out(`password reset for ${config.email}; their devices were signed out`);
  } finally {
    await database.close();
  }
}
