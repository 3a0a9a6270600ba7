/** The Audit log's pure parts: the CSV file, words for action codes, filters to a query. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCsv, csvCell } from '../../../renderer/src/lib/csv';
import type { AuditT } from '../../../renderer/src/features/audit/logic';
import { KNOWN_ACTIONS, actionText, queryOf, NO_FILTERS } from '../../../renderer/src/features/audit/logic';
import { auditEn } from '../../../renderer/src/i18n/audit.en';
import { auditId } from '../../../renderer/src/i18n/audit.id';

const t: AuditT = key => auditEn[key];

describe('audit CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('stops spreadsheet formulas: = + - @ tab and CR get an apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`)).toMatch(/^"?'/);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('starts with a UTF-8 BOM and a header, one CRLF line per row', () => {
    const csv = buildCsv(
      ['Time', 'Member'],
      [
        ['1', 'Siti Nurhaliza'],
        ['2', '=cmd'],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual(['Time,Member', '1,Siti Nurhaliza', "2,'=cmd", '']);
  });
});

describe('audit words and filters', () => {
  it('every action code of the agreements has English and Indonesian words', () => {
    const required = [
      'session.sign_in',
      'session.sign_in_failed',
      'session.sign_out',
      'session.revoke',
      'password.change',
      'password.reset_started',
      'password.reset_completed',
      'mfa.enabled',
      'mfa.disabled',
      'mfa.recovery_used',
      'mfa.recovery_regenerated',
      'message.send',
      'member.create',
      'member.update',
      'account.add_member',
      'account.remove_member',
      'settings.update',
      'template.upsert',
      'template.delete',
      'tag.upsert',
      'tag.rename',
      'tag.merge',
      'tag.delete',
      'chat.assign',
      'chat.claim',
      'chat.unassign',
      'chat.status',
      'chat.tags',
      'chat.flags',
      'contact.update',
      'cloud.add',
      'cloud.remove',
      'cloud.account_update',
      'note.add',
      'automation.update',
      'assignment.update',
      'automation.ai.update',
      'chat.auto_assign',
      'apikey.create',
      'apikey.revoke',
      'api.call',
      'webhook.create',
      'webhook.update',
      'webhook.delete',
      'webhook.redeliver',
      'webhook.disabled',
    ];
    expect([...KNOWN_ACTIONS].sort()).toEqual([...required].sort());
    expect(actionText(t, 'chat.assign')).toBe('Assigned a chat');
    expect(actionText(t, 'future.thing')).toBe('future.thing');
  });

  it('every action the server writes to the audit log has words (a new one cannot ship as a raw code)', () => {
    const written = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts'))
          for (const m of readFileSync(path, 'utf8').matchAll(/action: '([a-z_.]+)'/g)) written.add(m[1]!);
      }
    };
    walk(join(__dirname, '../../../sync-server/src'));
    expect(written.size).toBeGreaterThan(10);
    expect([...written].filter(code => !KNOWN_ACTIONS.includes(code))).toEqual([]);
  });

  it('has an Indonesian string for every English one, with the same placeholders', () => {
    const keys = Object.keys(auditEn) as (keyof typeof auditEn)[];
    expect(Object.keys(auditId).sort()).toEqual([...keys].sort());
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
    for (const key of keys) {
      expect(auditId[key].trim(), key).not.toBe('');
      expect(vars(auditId[key]), key).toEqual(vars(auditEn[key]));
    }
  });

  it('a day range covers both whole local days; the wrong way round is refused', () => {
    const q = queryOf({ ...NO_FILTERS, from: '2026-03-01', to: '2026-03-02', action: 'chat.assign' });
    expect(q).toEqual({
      action: 'chat.assign',
      from: new Date(2026, 2, 1).getTime(),
      to: new Date(2026, 2, 3).getTime() - 1,
    });
    expect(queryOf({ ...NO_FILTERS, from: '2026-03-02', to: '2026-03-01' })).toBeNull();
    expect(queryOf(NO_FILTERS)).toEqual({});
  });
});
