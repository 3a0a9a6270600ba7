import { useCallback, useEffect, useState } from 'react';
import type { WireWebhookDelivery } from '../../../../common/api/webhooks';
import { api } from '../../api/client';
import { useTimeFormat } from '../audit/useAuditT';
import type { WebhooksT } from './useWebhooksT';
import { errorText } from './useWebhooksT';

const PAGE = 50;

/** One endpoint's newest deliveries: time, event, status, response code, attempts, latency, and "Redeliver". */
export function WebhookDeliveries({ t, endpointId }: { readonly t: WebhooksT; readonly endpointId: string }) {
  const formatTime = useTimeFormat();
  const [rows, setRows] = useState<readonly WireWebhookDelivery[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await api().invoke('webhooks:deliveries', { id: endpointId, limit: PAGE });
    if (!r.ok) return setNote(errorText(t, r.error));
    setRows(r.value);
  }, [endpointId, t]);
  useEffect(() => {
    void load();
  }, [load]);
  const redeliver = async (deliveryId: number) => {
    const r = await api().invoke('webhooks:redeliver', { deliveryId });
    setNote(r.ok ? t('webhooks.redelivered') : errorText(t, r.error));
    await load();
  };
  return (
    <div className="webhooks-log" data-testid="webhook-log">
      <button type="button" onClick={() => void load()}>
        {t('webhooks.log.refresh')}
      </button>
      {note && <p role="status">{note}</p>}
      {rows && rows.length === 0 && <p className="muted">{t('webhooks.log.empty')}</p>}
      {rows && rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('webhooks.col.time')}</th>
              <th>{t('webhooks.col.event')}</th>
              <th>{t('webhooks.col.status')}</th>
              <th>{t('webhooks.col.code')}</th>
              <th>{t('webhooks.col.attempts')}</th>
              <th>{t('webhooks.col.latency')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map(d => (
              <tr key={d.id} data-testid="webhook-delivery">
                <td>{formatTime(d.lastAttemptAt ?? d.createdAt)}</td>
                <td>{t(`webhooks.event.${d.eventType}`)}</td>
                <td>{t(`webhooks.status.${d.status}`)}</td>
                <td data-testid="webhook-delivery-code">{d.responseCode ?? d.error ?? '—'}</td>
                <td>{d.attempts}</td>
                <td>{d.latencyMs === null ? '—' : t('webhooks.latency', { ms: d.latencyMs })}</td>
                <td>
                  <button type="button" onClick={() => void redeliver(d.id)}>
                    {t('webhooks.redeliver')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
