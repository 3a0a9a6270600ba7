import type { CustomerConversation, CustomerProfile } from '../../../../common/api/customer';
import type { Chat, Message } from '../../../../common/domain';
import { SafeText } from '../../components/SafeText';
import { formatPhone } from '../../lib/text';
import { useAccounts } from '../../stores/accounts';
import { useInbox } from '../../stores/inbox';
import type { CustomerT } from './useCustomerT';
import { useCustomerT, useDateFormat } from './useCustomerT';
import { useCustomerProfile } from './useCustomerProfile';
import { CustomerEdit, CustomerLabels, CustomerNote } from './CustomerEdit';
import './customer.css';

const KINDS = ['image', 'video', 'audio', 'voice', 'document', 'sticker'] as const;
const kindKey = (type: Message['type']) => {
  const kind = KINDS.find(k => k === type);
  return kind ? (`customer.kind.${kind}` as const) : ('customer.kind.other' as const);
};

/**
 * The person behind the open chat, across every one of our numbers: who they are, when
 * they first and last wrote, their conversations (a click opens one) and what they shared.
 */
export function CustomerPanel({ chat }: { readonly chat: Chat }) {
  const t = useCustomerT();
  const [result, replace] = useCustomerProfile(chat.id, chat.lastMessageAt);
  return (
    <section className="customer-panel" aria-label={t('customer.heading')}>
      <h3>{t('customer.heading')}</h3>
      {result.state === 'failed' && (
        <p role="alert" className="error-text small">
          {t('customer.failed', { message: result.message })}
        </p>
      )}
      {result.state === 'ready' && result.profile.chatId === chat.id ? (
        <ProfileBody profile={result.profile} onSaved={replace} t={t} />
      ) : (
        result.state !== 'failed' && <p className="small muted">{t('customer.loading')}</p>
      )}
    </section>
  );
}

function ProfileBody(props: {
  readonly profile: CustomerProfile;
  readonly onSaved: (profile: CustomerProfile) => void;
  readonly t: CustomerT;
}) {
  const { profile, t } = props;
  const date = useDateFormat();
  return (
    <>
      <p className="customer-name">
        <SafeText text={profile.name} />
      </p>
      {profile.customName !== null && profile.whatsAppName !== profile.customName && (
        <p className="small muted">
          <SafeText text={profile.whatsAppName} />
        </p>
      )}
      {profile.phone ? (
        <p className="small">{formatPhone(profile.phone)}</p>
      ) : (
        <p className="small">
          {t('customer.hiddenNumber')}
          <br />
          <span className="muted">{t('customer.hiddenNumber.hint')}</span>
        </p>
      )}
      <CustomerLabels labels={profile.labels} t={t} />
      <CustomerNote note={profile.note} t={t} />
      <CustomerEdit
        key={profile.chatId}
        profile={profile}
        whatsAppName={profile.whatsAppName}
        onSaved={props.onSaved}
        t={t}
      />
      <dl className="customer-dates small">
        <dt>{t('customer.firstContact')}</dt>
        <dd>{profile.firstContactAt === null ? t('customer.never') : date(profile.firstContactAt)}</dd>
        <dt>{t('customer.lastContact')}</dt>
        <dd>{profile.lastContactAt === null ? t('customer.never') : date(profile.lastContactAt)}</dd>
      </dl>
      <h4>{t('customer.conversations')}</h4>
      <ul className="customer-list">
        {profile.conversations.map(c => (
          <ConversationItem key={c.chat.id} conversation={c} current={c.chat.id === profile.chatId} t={t} />
        ))}
      </ul>
      <h4>{t('customer.media')}</h4>
      {profile.media.length === 0 ? (
        <p className="small muted">{t('customer.media.none')}</p>
      ) : (
        <ul className="customer-list">
          {profile.media.map(m => (
            <MediaItem key={m.id} message={m} conversations={profile.conversations} t={t} />
          ))}
        </ul>
      )}
    </>
  );
}

function ConversationItem(props: {
  readonly conversation: CustomerConversation;
  readonly current: boolean;
  readonly t: CustomerT;
}) {
  const { conversation, current, t } = props;
  const date = useDateFormat();
  const account = useAccounts(s => s.byId.get(conversation.chat.accountId));
  const accountName = account?.name ?? conversation.chat.accountId;
  const label =
    conversation.lastAt === null
      ? t('customer.conversation.empty', { account: accountName })
      : t('customer.conversation', { account: accountName, date: date(conversation.lastAt) });
  return (
    <li>
      <button
        type="button"
        className="customer-link"
        aria-current={current ? 'true' : undefined}
        disabled={current}
        onClick={() => useInbox.getState().select(conversation.chat)}
      >
        <span style={{ color: account?.color }} aria-hidden="true">
          ●
        </span>{' '}
        {label}
        {current && <span className="muted"> · {t('customer.current')}</span>}
      </button>
    </li>
  );
}

function MediaItem(props: {
  readonly message: Message;
  readonly conversations: readonly CustomerConversation[];
  readonly t: CustomerT;
}) {
  const { message, conversations, t } = props;
  const date = useDateFormat();
  const account = useAccounts(s => s.byId.get(message.accountId));
  const chat = conversations.find(c => c.chat.id === message.chatId)?.chat;
  const label = t('customer.media.item', {
    kind: t(kindKey(message.type)),
    date: date(message.timestamp),
    account: account?.name ?? message.accountId,
  });
  return (
    <li>
      <button
        type="button"
        className="customer-link"
        disabled={!chat}
        onClick={() => chat && useInbox.getState().select(chat)}
      >
        {label}
        {message.media?.fileName && (
          <>
            {' · '}
            <SafeText text={message.media.fileName} />
          </>
        )}
      </button>
    </li>
  );
}
