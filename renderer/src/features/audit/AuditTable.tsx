import type { AuditEntry } from '../../../../common/api/audit';
import type { AuditT } from './logic';
import { headerCells, rowCells } from './logic';

type Props = {
  readonly t: AuditT;
  readonly entries: readonly AuditEntry[];
  readonly formatTime: (ms: number) => string;
};

/** One line per entry, newest first; the ids behind names are in the cells' titles and in the CSV. */
export function AuditTable({ t, entries, formatTime }: Props) {
  return (
    <div className="audit-table-wrap">
      <table className="audit-table" data-testid="audit-table">
        <thead>
          <tr>
            {headerCells(t).map(h => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map(e => {
            const titles = [
              undefined,
              e.memberId ?? undefined,
              e.action,
              e.chatId ?? undefined,
              e.deviceId ?? undefined,
            ];
            return (
              <tr key={e.id} data-testid="audit-row">
                {rowCells(t, e, formatTime).map((cell, i) => (
                  <td key={i} title={titles[i]}>
                    {cell}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
