import { useCallback, useEffect, useState } from 'react';
import { can } from '../../../../common/permissions';
import { api } from '../../api/client';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';

export type TeamTemplates = {
  /** Ids of the workspace's templates (empty when signed out or not reachable). */
  readonly ids: ReadonlySet<string>;
  /** Signed in, online, and an admin or lead: may publish, edit and remove team templates. */
  readonly canManage: boolean;
  readonly refresh: () => Promise<void>;
};

/** Which templates are the team's, and whether this member may change them. */
export function useTeamTemplates(): TeamTemplates {
  const me = useWorkspace(s => s.status.member);
  const online = useWorkspace(s => s.status.connection === 'online');
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => retainWorkspace(), []);
  const refresh = useCallback(async () => {
    if (!me || !online) return setIds(new Set());
    const r = await api().invoke('templates:team', {});
    setIds(new Set(r.ok ? r.value.map(x => x.id) : []));
  }, [me, online]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { ids, canManage: online && me !== null && can(me.role, 'templates.manage'), refresh };
}
