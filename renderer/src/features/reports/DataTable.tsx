import { useState } from 'react';
import { buildCsv } from '../../lib/csv';
import { saveFile } from '../../lib/download';
import type { ReportsT, Table } from './logic';

type Props = {
  readonly t: ReportsT;
  readonly table: Table;
  readonly fileName: string;
};

/** A table of report rows with its CSV export: the file holds exactly the rows shown. */
export function DataTable({ t, table, fileName }: Props) {
  const [note, setNote] = useState('');
  const exportCsv = () => {
    saveFile(fileName, buildCsv(table.header, table.rows), 'text/csv;charset=utf-8');
    setNote(t('reports.csv.exported', { count: table.rows.length, file: fileName }));
  };
  return (
    <div className="reports-table">
      {table.rows.length === 0 ? (
        <p className="team-hint">{t('reports.table.empty')}</p>
      ) : (
        <div className="reports-table-scroll">
          <table>
            <thead>
              <tr>
                {table.header.map(h => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i} data-testid="reports-row">
                  {row.map((cell, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={j}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="reports-table-actions">
        <button type="button" disabled={table.rows.length === 0} onClick={exportCsv}>
          {t('reports.csv')}
        </button>
        {note && (
          <span role="status" className="team-ok">
            {note}
          </span>
        )}
      </div>
    </div>
  );
}

/** A titled table panel (per member, per number, per tag). */
export function TablePanel({ t, title, table, fileName }: Props & { readonly title: string }) {
  return (
    <section className="reports-panel" aria-label={title}>
      <header className="reports-panel-head">
        <h3>{title}</h3>
      </header>
      <DataTable t={t} table={table} fileName={fileName} />
    </section>
  );
}
