import { useInbox } from '../../stores/inbox';
import { useChatActionError } from './actions';
import { useChatActionsT } from './useChatActionsT';

/** Switches the list between the inbox and the Archived view; shows a failed chat action. */
export function ArchivedToggle() {
  const t = useChatActionsT();
  const archived = useInbox(s => s.filter.archived);
  const setFilter = useInbox(s => s.setFilter);
  const error = useChatActionError(s => s.message);
  return (
    <>
      <button
        type="button"
        className={`compact${archived ? ' on' : ''}`}
        aria-pressed={archived}
        onClick={() => setFilter({ archived: !archived })}
      >
        {t('chatActions.archivedView')}
      </button>
      {error && (
        <p role="alert" className="error-text small">
          {t('chatActions.failed', { message: error })}
        </p>
      )}
    </>
  );
}
