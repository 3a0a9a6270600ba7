import { useEffect, useState } from 'react';
import type { CustomerProfile } from '../../../../common/api/customer';
import type { ChatId } from '../../../../common/domain';
import { api } from '../../api/client';

export type ProfileState =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly profile: CustomerProfile }
  | { readonly state: 'failed'; readonly message: string };

/**
 * The profile of the person behind `chatId`, asked again whenever `freshness` changes (the
 * chat's last activity), so a new message or a learned number shows without reopening.
 */
export function useCustomerProfile(
  chatId: ChatId,
  freshness: number | null,
): readonly [ProfileState, (profile: CustomerProfile) => void] {
  const [result, setResult] = useState<ProfileState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void api()
      .invoke('customer:get', { chatId })
      .then(reply => {
        if (!live) return;
        setResult(reply.ok ? { state: 'ready', profile: reply.value } : { state: 'failed', message: reply.error.code });
      });
    return () => {
      live = false;
    };
  }, [chatId, freshness]);
  return [result, (profile: CustomerProfile) => setResult({ state: 'ready', profile })] as const;
}
