export { InboxAiControls } from './InboxAiControls';
export { attentionView } from './logic';
export { MessageTranslation, TranslateAction } from './MessageTranslation';
export { MoodMarker } from './MoodMarker';
export { RewriteTools } from './RewriteTools';
export { useAiChat } from './store';
export { SuggestionChips, firstChip } from './SuggestionChips';
export { SummaryPanel } from './SummaryPanel';
export { useAiChatLive } from './useAiChatLive';
