/** The accounts this desktop hosts, persisted so the app can bring ready ones back after a restart. */
import { eq } from 'drizzle-orm';
import type { AccountId, AccountState, ProviderKind } from '../../../common/domain';
import type { StoreDb } from '../db';
import { inTransaction } from '../db';
import { accounts } from '../schema';

export type StoredAccount = {
  readonly id: AccountId;
  readonly provider: ProviderKind;
  readonly name: string;
  readonly phone: string | null;
  readonly color: string;
  readonly muted: boolean;
  readonly createdAt: number;
  /** The state the account was last in; accounts that were `ready` are restarted at launch. */
  readonly lastState: AccountState;
  readonly config: Readonly<Record<string, unknown>>;
};

type AccountRow = typeof accounts.$inferSelect;

function parseConfig(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const accountOf = (r: AccountRow): StoredAccount => ({
  id: r.id as AccountId,
  provider: r.provider as ProviderKind,
  name: r.name,
  phone: r.phone,
  color: r.color,
  muted: r.muted,
  createdAt: r.createdAt,
  lastState: r.lastState as AccountState,
  config: parseConfig(r.config),
});

export function listAccounts(db: StoreDb): StoredAccount[] {
  return db.orm.select().from(accounts).orderBy(accounts.createdAt, accounts.id).all().map(accountOf);
}

// Looked up once per applied workspace event: through the statement cache every hot query
// uses, since building the drizzle query each time cost more than the lookup itself.
export function getAccount(db: StoreDb, id: AccountId): StoredAccount | null {
  const row = db
    .prepare(
      `SELECT id, provider, name, phone, color, muted, created_at AS createdAt, last_state AS lastState, config
       FROM accounts WHERE id = ?`,
    )
    .get(id) as (Omit<AccountRow, 'muted'> & { muted: number }) | undefined;
  return row ? accountOf({ ...row, muted: row.muted === 1 }) : null;
}

export function upsertAccount(db: StoreDb, a: StoredAccount): StoredAccount {
  const row = {
    id: a.id,
    provider: a.provider,
    name: a.name,
    phone: a.phone,
    color: a.color,
    muted: a.muted,
    createdAt: a.createdAt,
    lastState: a.lastState,
    config: JSON.stringify(a.config),
  };
  const { id: _id, createdAt: _createdAt, ...changes } = row;
  db.orm.insert(accounts).values(row).onConflictDoUpdate({ target: accounts.id, set: changes }).run();
  return a;
}

export function setAccountState(db: StoreDb, id: AccountId, lastState: AccountState): void {
  db.orm.update(accounts).set({ lastState }).where(eq(accounts.id, id)).run();
}

/** Removes the account and, through the foreign keys, its chats, messages and contacts. */
export function removeAccount(db: StoreDb, id: AccountId): boolean {
  return inTransaction(db, () => {
    // Reactions and the outbox are keyed by provider ids, not rows, so no cascade reaches them.
    db.prepare('DELETE FROM reactions WHERE account_id = ?').run(id);
    db.prepare('DELETE FROM outbox WHERE account_id = ?').run(id);
    return db.orm.delete(accounts).where(eq(accounts.id, id)).run().changes > 0;
  });
}
