import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/**
 * Who works on a WhatsApp number (its members), as the server says now; null until known
 * or when the server cannot be asked (offline), so callers fall back to letting it decide.
 */
export function useAccountMembers(accountId: string, online: boolean): readonly string[] | null {
  const [ids, setIds] = useState<readonly string[] | null>(null);
  useEffect(() => {
    setIds(null);
    if (!online) return;
    let live = true;
    void api()
      .invoke('workspaceAccounts:list', {})
      .then(r => {
        if (live && r.ok) setIds(r.value.find(a => a.id === accountId)?.memberIds ?? null);
      });
    return () => {
      live = false;
    };
  }, [accountId, online]);
  return ids;
}
