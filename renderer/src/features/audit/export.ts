/** Export CSV: every page matching the filters (bounded), as one file the browser downloads. */
import type { AuditEntry, AuditPage } from '../../../../common/api/audit';
import { saveFile } from '../../lib/download';
import type { Reply } from '../../../../common/result';
import { api } from '../../api/client';
import { buildCsv } from '../../lib/csv';
import type { AuditQuery, AuditT } from './logic';
import { CSV_EXTRA_HEADER, csvExtraCells, headerCells, rowCells } from './logic';

/** Enough for any audit a person reads in a spreadsheet; more is a job for the database. */
export const EXPORT_MAX_ROWS = 50_000;
const PAGE = 500;

export type Exported = { readonly count: number; readonly capped: boolean; readonly file: string };

async function allRows(
  query: AuditQuery,
  progress: (n: number) => void,
): Promise<Reply<{ rows: AuditEntry[]; capped: boolean }>> {
  const rows: AuditEntry[] = [];
  let cursor: number | null = null;
  for (;;) {
    const limit = Math.min(PAGE, EXPORT_MAX_ROWS - rows.length);
    const r: Reply<AuditPage> = await api().invoke('audit:list', {
      ...query,
      limit,
      ...(cursor === null ? {} : { cursor }),
    });
    if (!r.ok) return r;
    rows.push(...r.value.entries);
    progress(rows.length);
    cursor = r.value.nextCursor;
    if (cursor === null) return { ok: true, value: { rows, capped: false } };
    if (rows.length >= EXPORT_MAX_ROWS) return { ok: true, value: { rows, capped: true } };
  }
}

export async function exportCsv(
  t: AuditT,
  query: AuditQuery,
  formatTime: (ms: number) => string,
  progress: (n: number) => void,
): Promise<Reply<Exported>> {
  const r = await allRows(query, progress);
  if (!r.ok) return r;
  const header = [...headerCells(t), ...CSV_EXTRA_HEADER];
  const body = r.value.rows.map(e => [...rowCells(t, e, formatTime), ...csvExtraCells(e)]);
  const file = `${t('audit.csv.file')}-${new Date().toISOString().slice(0, 10)}.csv`;
  saveFile(file, buildCsv(header, body), 'text/csv;charset=utf-8');
  return { ok: true, value: { count: body.length, capped: r.value.capped, file } };
}
