/** The team features, mounted by the shell (see docs/team.md for where each goes). */
export { WorkspacePanel } from './WorkspacePanel';
export { WorkspaceBanner } from './WorkspaceBanner';
export { ChatTeamPanel } from './ChatTeamPanel';
export { TeamView } from './TeamView';
export { MembersAdmin } from './MembersAdmin';
export { TypingIndicator } from './live';
export { useTeamT } from './useTeamT';
