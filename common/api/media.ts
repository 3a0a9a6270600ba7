import { z } from 'zod';
import { command } from './define';

/** Largest file handed to the page as a data: URL; bigger files are offered as downloads only. */
export const MAX_INLINE_MEDIA_BYTES = 16 * 1024 * 1024;

export const mediaCommands = {
  /**
   * A URL the page can show for a message's media (a data: URL, which the CSP allows in
   * both shells), downloading it through the account first when it is not on disk yet.
   */
  'media:url': command<{ readonly url: string }>()(z.strictObject({ messageId: z.string().min(3).max(420) })),
} as const;
