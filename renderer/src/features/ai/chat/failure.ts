import type { AiFailureReason } from '../../../../../common/api/ai';
import type { AiChatMessageKey } from '../../../i18n/ai-chat.en';

/** The short sentence shown in place of an AI result that did not come. */
export const failureKey = (reason: AiFailureReason): AiChatMessageKey => `aiChat.fail.${reason}`;
