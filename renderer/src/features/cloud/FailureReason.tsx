import { useEffect, useState } from 'react';
import { GRAPH_ERROR_CODES } from '../../../../common/cloud/constants';
import { api } from '../../api/client';
import { useGraphErrorT } from '../cloud-api/useGraphErrorT';
import { useCloudT } from './useCloudT';

const OWN = ['unconfirmed', 'number_unavailable'] as const;

/**
 * Under a message that was not sent: why, in words, when its sender gave a code this
 * desktop knows (a Cloud API number's Graph errors, the server's own). Nothing otherwise:
 * the bubble's "Not sent — retry" still says what can be done.
 */
export function FailureReason({ clientMessageId }: { readonly clientMessageId: string }) {
  const graphText = useGraphErrorT();
  const t = useCloudT();
  const [reason, setReason] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api()
      .invoke('messages:failure', { clientMessageId })
      .then(r => live && setReason(r.ok ? r.value.reason : null));
    return () => {
      live = false;
    };
  }, [clientMessageId]);
  const own = OWN.find(c => c === reason);
  const text = own
    ? t(`cloud.failure.${own}`)
    : reason && (GRAPH_ERROR_CODES as readonly string[]).includes(reason)
      ? graphText(reason)
      : null;
  return text ? (
    <p className="small error-text" data-testid="failure-reason">
      {text}
    </p>
  ) : null;
}
