/** A number with automation settings, a host that records relayed sends, and a customer who writes. */
import { randomUUID } from 'node:crypto';
import type { AutomationUpdate, WireAutomation } from '../../../common/protocol-automation';
import type { WireSend } from '../../../common/protocol';
import type { Client, Stack } from './harness';
import { must } from './harness';

const nine5 = [{ start: '09:00', end: '17:00' }];
export const JAKARTA_WEEKDAYS = {
  timeZone: 'Asia/Jakarta',
  week: { sun: [], mon: nine5, tue: nine5, wed: nine5, thu: nine5, fri: nine5, sat: [] },
  holidays: [],
};
/** Saturday 10:00 and Monday 10:00 in Jakarta (UTC+7); in the past, as pushed timestamps must be. */
export const SATURDAY = Date.parse('2026-11-28T03:00:00Z');
export const MONDAY = Date.parse('2026-11-30T03:00:00Z');

export type AutomatedNumber = {
  accountId: string;
  host: { id: string; socket: Client; sessionId: string; token: string };
  admin: Client;
  /** Every send:requested the host was offered. */
  requested: WireSend[];
  write(jid: string, body: string, at: number, opts?: { id?: string; fromMe?: boolean; via?: Client }): Promise<void>;
  automatedSends(jid?: string): Promise<Array<{ body: string; state: string; sender_id: string }>>;
};

export async function automatedNumber(
  stack: Stack,
  settings: Omit<AutomationUpdate, 'accountId'>,
): Promise<AutomatedNumber> {
  const accountId = `auto-${randomUUID().slice(0, 8)}`;
  const host = await stack.device('lead', 'host lead');
  await must(host.socket, 'account:register', {
    accountId,
    name: 'Support line',
    phone: '628111',
    provider: 'simulator',
  });
  const admin = (await stack.device('admin')).socket;
  const saved: WireAutomation = await must(admin, 'automation:update', { accountId, ...settings });
  if (saved.accountId !== accountId) throw new Error('automation not saved');
  const requested: WireSend[] = [];
  host.socket.on('send:requested', s => requested.push(s));
  return {
    accountId,
    host,
    admin,
    requested,
    async write(jid, body, at, opts = {}) {
      await must(opts.via ?? host.socket, 'sync:push', {
        chats: [{ accountId, jid, isGroup: false, name: 'Sari' }],
        messages: [
          {
            accountId,
            chatJid: jid,
            providerMessageId: opts.id ?? randomUUID(),
            fromMe: opts.fromMe ?? false,
            type: 'text',
            body,
            timestamp: at,
          },
        ],
      });
    },
    async automatedSends(jid) {
      const [rows] = await stack.node.app.database.raw.query(
        `select body, state, sender_id from sends where origin = 'automation' and account_id = ?
           ${jid ? 'and chat_jid = ?' : ''} order by row_id`,
        jid ? [accountId, jid] : [accountId],
      );
      return rows as Array<{ body: string; state: string; sender_id: string }>;
    },
  };
}

export const OFF = { enabled: false, text: '' };
export const NO_GREETING = { enabled: false, text: '', idleHours: 24 };
