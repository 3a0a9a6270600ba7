export { ArchivedToggle } from './ArchivedToggle';
export { ChatActionsButton } from './ChatActionsButton';
export { ChatActionsMenu } from './ChatActionsMenu';
export { useChatShortcuts } from './useChatShortcuts';
export { useChatActionsT } from './useChatActionsT';
export { BlockConfirm } from './block';
