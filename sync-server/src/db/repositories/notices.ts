/** Who hears of a chat's notice (a rule's notify, an SLA breach): its assignee and the number's leads. */
import type { RowDataPacket } from 'mysql2/promise';
import type { RawExec } from '../index';

/** Active members only, in id order; the assignee once even when they are a lead. */
export async function noticeRecipients(raw: RawExec, accountId: string, assigneeId: string | null): Promise<string[]> {
  const [rows] = await raw.query<RowDataPacket[]>(
    `select m.id from members m
      where m.active = 1
        and (m.id = ? or (m.role = 'lead'
             and exists(select 1 from account_members am where am.account_id = ? and am.member_id = m.id)))
      order by m.id`,
    [assigneeId ?? '', accountId],
  );
  return rows.map(r => String(r['id']));
}
