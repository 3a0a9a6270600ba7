import { useId, useState } from 'react';
import type { Member } from '../../../../common/domain';
import { DevicesList } from './DevicesList';
import { useSecurityT } from './useSecurityT';

/** Settings → Members (admins): the devices signed in as one member, each of which can be signed out. */
export function MemberDevices({ members, online }: { readonly members: readonly Member[]; readonly online: boolean }) {
  const t = useSecurityT();
  const ids = { heading: useId(), member: useId() };
  const [memberId, setMemberId] = useState<string>('');
  const active = members.filter(m => m.active);

  if (!online) return null;
  return (
    <section className="team-form" aria-labelledby={ids.heading} data-testid="member-devices">
      <h4 id={ids.heading}>{t('security.admin.heading')}</h4>
      <p className="team-hint">{t('security.admin.intro')}</p>
      <label htmlFor={ids.member}>{t('security.admin.member')}</label>
      <select id={ids.member} value={memberId} onChange={e => setMemberId(e.target.value)}>
        <option value="" />
        {active.map(m => (
          <option key={m.id} value={m.id}>
            {m.name} ({m.email})
          </option>
        ))}
      </select>
      {memberId && <DevicesList t={t} memberId={memberId} />}
    </section>
  );
}
