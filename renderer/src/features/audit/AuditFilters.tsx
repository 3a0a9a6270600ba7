import { useId } from 'react';
import { useChatName } from '../../lib/chat-name';
import type { FormEvent } from 'react';
import type { Chat, Member } from '../../../../common/domain';
import type { AuditFilters as Filters, AuditT } from './logic';
import { KNOWN_ACTIONS, NO_FILTERS, actionText } from './logic';

type Props = {
  readonly t: AuditT;
  readonly value: Filters;
  readonly members: readonly Member[];
  readonly chats: readonly Chat[];
  readonly disabled: boolean;
  readonly onChange: (next: Filters) => void;
  readonly onApply: (applied: Filters) => void;
};

/** Member, action, chat and a day range; "Show" applies them, "Clear filters" resets and applies. */
export function AuditFilters({ t, value, members, chats, disabled, onChange, onApply }: Props) {
  const chatName = useChatName();
  const id = useId();
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(value);
  };
  const sortedActions = [...KNOWN_ACTIONS].sort((a, b) => actionText(t, a).localeCompare(actionText(t, b)));
  return (
    <form className="audit-filters" onSubmit={submit} aria-label={t('audit.heading')}>
      <label htmlFor={`${id}-member`}>{t('audit.filter.member')}</label>
      <select id={`${id}-member`} value={value.memberId} onChange={e => set({ memberId: e.target.value })}>
        <option value="">{t('audit.filter.any')}</option>
        {members.map(m => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-action`}>{t('audit.filter.action')}</label>
      <select id={`${id}-action`} value={value.action} onChange={e => set({ action: e.target.value })}>
        <option value="">{t('audit.filter.any')}</option>
        {sortedActions.map(code => (
          <option key={code} value={code}>
            {actionText(t, code)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-chat`}>{t('audit.filter.chat')}</label>
      <select id={`${id}-chat`} value={value.chatId} onChange={e => set({ chatId: e.target.value })}>
        <option value="">{t('audit.filter.any')}</option>
        {chats.map(c => (
          <option key={c.id} value={c.id}>
            {chatName(c)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-from`}>{t('audit.filter.from')}</label>
      <input id={`${id}-from`} type="date" value={value.from} onChange={e => set({ from: e.target.value })} />
      <label htmlFor={`${id}-to`}>{t('audit.filter.to')}</label>
      <input id={`${id}-to`} type="date" value={value.to} onChange={e => set({ to: e.target.value })} />
      <div className="audit-filter-buttons">
        <button type="submit" disabled={disabled}>
          {t('audit.filter.apply')}
        </button>
        <button
          type="button"
          disabled={disabled}
          onClick={() => {
            onChange(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          {t('audit.filter.reset')}
        </button>
      </div>
    </form>
  );
}
