import type { MemberId } from '../../../../common/domain';
import { initialsOf } from '../../lib/text';
import { useWorkspace } from '../../stores/workspace';
import { memberName } from '../team/logic';
import { useChatActionsT } from '../chat-actions/useChatActionsT';
import './chat-row.css';

/** Who a chat is assigned to, by name (null: unassigned). */
export function useAssigneeLabel(assigneeId: MemberId | null): string | null {
  const t = useChatActionsT();
  const name = useWorkspace(s => memberName(s.members, assigneeId));
  if (assigneeId === null) return null;
  return name ? t('chatActions.assignedTo', { name }) : t('chatActions.assignedToSomeone');
}

/** The assignee's initials on a chat row; the row's own label names them for screen readers. */
export function AssigneeBadge({ assigneeId }: { readonly assigneeId: MemberId | null }) {
  const name = useWorkspace(s => memberName(s.members, assigneeId));
  const label = useAssigneeLabel(assigneeId);
  if (label === null) return null;
  return (
    <span className="assignee-badge" title={label} aria-hidden="true" data-testid="row-assignee">
      {name ? initialsOf(name) : '?'}
    </span>
  );
}
