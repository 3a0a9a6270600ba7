/**
 * AI-in-the-conversation components rendered to HTML in plain Node (as team-components
 * does): nothing while AI is off, the marker's words, and the lead's attention count.
 * Effects do not run in server rendering, so no API call is made; the store is set directly.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatInsight } from '../../../common/api/ai';
import { asChatId } from '../../../common/domain';
import type * as AiChatModule from '../../../renderer/src/features/ai/chat';
import { stubBrowserGlobals } from '../../helpers/browser-globals';

let ai: typeof AiChatModule;
beforeAll(async () => {
  await stubBrowserGlobals();
  ai = await import('../../../renderer/src/features/ai/chat');
});

const insight = (id: string, sentiment: ChatInsight['sentiment'], urgency: ChatInsight['urgency']): ChatInsight => ({
  chatId: asChatId(id),
  sentiment,
  urgency,
  updatedAt: 1,
});

/** Server rendering reads zustand through getInitialState(): the state is written there too. */
function setAi(patch: Partial<ReturnType<typeof ai.useAiChat.getState>>): void {
  ai.useAiChat.setState(patch);
  Object.assign(ai.useAiChat.getInitialState(), patch);
}

beforeEach(() => {
  setAi({
    enabled: true,
    insights: {
      'a:1@c.us': insight('a:1@c.us', 'negative', 3),
      'a:2@c.us': insight('a:2@c.us', 'neutral', 2),
      'a:3@c.us': insight('a:3@c.us', 'positive', 0),
    },
  });
});

describe('AI chat components', () => {
  it('marks a chat with its mood and urgency, in words for screen readers', () => {
    const html = renderToStaticMarkup(createElement(ai.MoodMarker, { chatId: 'a:1@c.us' }));
    expect(html).toContain('aria-label="Unhappy customer, urgency 3 of 3"');
    expect(html).toContain('!!!');
    expect(renderToStaticMarkup(createElement(ai.MoodMarker, { chatId: 'a:9@c.us' }))).toBe('');
  });

  it("tells leads how many chats need attention, with a way to the inbox's filter", () => {
    const html = renderToStaticMarkup(createElement(ai.TeamAttention));
    expect(html).toContain('Needs attention: 2 chats');
    expect(html).toContain('Show them in the inbox');
  });

  it('shows nothing at all while AI is off', () => {
    setAi({ enabled: false });
    for (const el of [
      createElement(ai.MoodMarker, { chatId: 'a:1@c.us' }),
      createElement(ai.TeamAttention),
      createElement(ai.InboxAiControls),
      createElement(ai.SummaryPanel, { chatId: asChatId('a:1@c.us') }),
    ]) {
      expect(renderToStaticMarkup(el)).toBe('');
    }
  });
});
