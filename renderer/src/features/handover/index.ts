/** Handing chats on, the workspace's team rules and the reply warning (docs/team.md). */
export { HandOverControls } from './HandOverControls';
export { ReplyWarning, useReplyGuard } from './ReplyWarning';
export { TeamRules } from './TeamRules';
export { OldestWaiting } from './OldestWaiting';
