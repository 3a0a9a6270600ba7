import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeReply, LoggedRequest } from '../helpers/fake-openai/server';
import { startFakeOpenAi } from '../helpers/fake-openai/server';
import { expect, test } from './fixtures';
import { emailLike, enableAi, featureOf, phoneLike } from './pages/ai';
import { InboxPage } from './pages/inbox.page';

test.describe.configure({ timeout: 150_000 });

const CHIPS = [
  'Halo Kak, pesanan sudah kami cek.',
  'Baik, kami bantu proses sekarang ya.',
  'Mohon kirim nomor pesanan.',
];
const SUGGEST_JSON = JSON.stringify({ replies: CHIPS });
// The stream pauses right after the first reply is complete, so the test sees one chip alone.
const PAUSE_AT = Math.ceil((SUGGEST_JSON.indexOf(CHIPS[0] ?? '') + (CHIPS[0] ?? '').length + 2) / 12) * 12;
const SUMMARY = { customerWants: 'Wants the order delivered', promised: ['Check the courier'], openQuestions: [] };
const DRAFT_PHONE = '+62 812-3456-7890';
const DRAFT_EMAIL = 'budi.santoso@example.com';

const draftOf = (req: LoggedRequest) => (req.messages[1]?.content ?? '').split('Draft:\n')[1] ?? '';

/** Answers each AI feature the way a model would, in the shape its prompt asks for. */
function replyFor(req: LoggedRequest, pause: { first: boolean; resume: Promise<void> }): FakeReply {
  switch (featureOf(req)) {
    case 'suggest': {
      const first = pause.first;
      pause.first = false;
      return first
        ? { kind: 'text', content: SUGGEST_JSON, delayMs: 300, pauseAt: PAUSE_AT, resume: pause.resume }
        : { kind: 'text', content: SUGGEST_JSON, chunkDelayMs: 20 };
    }
    case 'summary':
      return { kind: 'text', content: JSON.stringify(SUMMARY) };
    case 'translate':
      return { kind: 'text', content: `EN: ${draftOf(req)}` };
    case 'rewrite':
      return { kind: 'text', content: `Dengan senang hati! ${draftOf(req)}` };
    case 'sentiment': {
      // The first chat of every batch is an unhappy, urgent one; the rest are calm.
      const keys = [...(req.messages[1]?.content ?? '').matchAll(/^(c\d+):$/gm)].map(m => m[1]);
      const chats = keys.map((id, i) =>
        i === 0 ? { id, sentiment: 'negative', urgency: 3 } : { id, sentiment: 'neutral', urgency: 0 },
      );
      return { kind: 'text', content: JSON.stringify({ chats }) };
    }
    default:
      return { kind: 'error', status: 400, message: 'unexpected prompt' };
  }
}

test('AI in the conversation: streamed chips, summary, rewrite, translate, sentiment; redaction', async ({
  page,
  host,
}, info) => {
  const fake = await startFakeOpenAi();
  let release = () => {};
  const pause = { first: true, resume: new Promise<void>(resolve => (release = resolve)) };
  fake.fallback(req => replyFor(req, pause));
  try {
    const inbox = new InboxPage(page);
    await inbox.open(host.url);
    await inbox.startDemo();
    // Off by default: no AI control anywhere, and nothing was sent.
    await expect(page.getByRole('checkbox', { name: 'Needs attention' })).toHaveCount(0);
    await inbox.openChatAt(0);
    await expect(page.getByRole('button', { name: 'Rewrite with AI' })).toHaveCount(0);
    expect(fake.requests).toHaveLength(0);

    // Turned on with the command Settings → AI uses (ai-settings.spec.ts goes through the screen).
    await enableAi(host.url, fake.url);
    await inbox.openChatAt(1);
    const before = await inbox.composer.boundingBox();

    // Chips stream in: the first one shows while the endpoint is still writing the rest.
    const chips = page.getByRole('group', { name: 'Suggested replies' });
    await expect(chips.getByRole('button', { name: CHIPS[0] })).toBeVisible();
    await expect(chips.getByText('Writing suggestions…')).toBeVisible();
    await expect(chips.getByRole('button', { name: CHIPS[1] })).toHaveCount(0);
    expect(await inbox.composer.boundingBox()).toEqual(before);
    release();
    await expect(chips.getByRole('button', { name: CHIPS[2] })).toBeVisible();
    await expect(chips.getByText('Writing suggestions…')).toHaveCount(0);
    expect(await inbox.composer.boundingBox()).toEqual(before);

    const dir = process.env.BLAZZ_SCREENSHOTS ?? info.outputPath('screens');
    mkdirSync(dir, { recursive: true });
    await page.addStyleTag({ content: '* { caret-color: transparent !important; }' });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(dir, `ai-chips-${scheme}.png`), animations: 'disabled' });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Click fills the composer and sends nothing; Tab in an empty composer takes the first.
    await chips.getByRole('button', { name: CHIPS[1] }).click();
    await expect(inbox.composer).toHaveValue(CHIPS[1] ?? '');
    await inbox.composer.fill('');
    await inbox.composer.press('Tab');
    await expect(inbox.composer).toHaveValue(CHIPS[0] ?? '');
    await expect(inbox.bubble(CHIPS[0] ?? '')).toHaveCount(0);
    await expect(inbox.bubble(CHIPS[1] ?? '')).toHaveCount(0);
    // Empty again, so the composer's box compares with the one measured before (it grows with text).
    await inbox.composer.fill('');

    // Regenerate asks the endpoint again; dismiss hides the chips without moving the composer.
    const suggestCount = () => fake.requests.filter(r => featureOf(r) === 'suggest').length;
    const asked = suggestCount();
    await chips.getByRole('button', { name: 'Regenerate suggestions' }).click();
    await expect.poll(suggestCount).toBe(asked + 1);
    await expect(chips.getByRole('button', { name: CHIPS[2] })).toBeVisible();
    await chips.getByRole('button', { name: 'Hide suggestions' }).click();
    await expect(chips).toHaveCount(0);
    expect(await inbox.composer.boundingBox()).toEqual(before);

    // Summary in the side panel, with its age; Refresh asks again.
    const side = page.getByRole('region', { name: 'AI summary' });
    await side.getByRole('button', { name: 'Summarize' }).click();
    await expect(side).toContainText('Wants the order delivered');
    await expect(side).toContainText('Written just now');
    const summaries = () => fake.requests.filter(r => featureOf(r) === 'summary').length;
    await side.getByRole('button', { name: 'Refresh summary' }).click();
    await expect.poll(summaries).toBe(2);

    // Rewrite: a preview, discarded (draft kept), then accepted (draft replaced, number kept).
    const draft = `Silakan hubungi ${DRAFT_PHONE} atau ${DRAFT_EMAIL} ya`;
    await inbox.composer.fill(draft);
    const rewrite = page.getByRole('button', { name: 'Rewrite with AI' });
    await rewrite.click();
    await page.getByRole('menuitem', { name: 'Friendlier' }).click();
    const preview = page.getByRole('group', { name: 'AI suggestion for your draft' });
    await expect(preview).toContainText(`Dengan senang hati! ${draft}`);
    await preview.getByRole('button', { name: 'Keep mine' }).click();
    await expect(preview).toHaveCount(0);
    await expect(inbox.composer).toHaveValue(draft);
    await rewrite.click();
    await page.getByRole('menuitem', { name: 'More formal' }).click();
    await preview.getByRole('button', { name: 'Use this' }).click();
    await expect(inbox.composer).toHaveValue(`Dengan senang hati! ${draft}`);
    // Translate the draft into the customer's language (detected from their messages).
    await inbox.composer.fill('Your parcel ships today');
    await rewrite.click();
    await page.getByRole('menuitem', { name: "Translate to the customer's language" }).click();
    await preview.getByRole('button', { name: 'Use this' }).click();
    await expect(inbox.composer).toHaveValue('EN: Your parcel ships today');
    const translateDraft = fake.requests.filter(r => featureOf(r) === 'translate').at(-1);
    expect(translateDraft?.messages[1]?.content).toContain('Customer messages:');
    await inbox.composer.fill('');

    // Translate an incoming message: the translation shows under the original.
    const originalId = await inbox.messages
      .getByRole('article', { name: /^Message from/ })
      .filter({ has: page.getByRole('button', { name: 'Translate' }) })
      .last()
      .getAttribute('data-message-id');
    const original = inbox.messages.locator(`article[data-message-id="${originalId ?? ''}"]`);
    await original.hover();
    await original.getByRole('button', { name: 'Translate' }).click();
    await expect(original.getByRole('note', { name: 'Translation' })).toContainText('EN: ');

    // Sentiment: the worker scored the backlog; markers on rows, a filter and a sort.
    const unhappy = inbox.chatList.getByRole('img', { name: /^Unhappy customer, urgency 3 of 3$/ });
    await expect(unhappy.first()).toBeVisible({ timeout: 30_000 });
    const all = await inbox.chats.count();
    await page.getByRole('checkbox', { name: 'Needs attention' }).check();
    await expect.poll(() => inbox.chats.count()).toBeLessThan(all);
    const shown = await inbox.chats.count();
    expect(shown).toBeGreaterThan(0);
    await expect(inbox.chatList.getByRole('img', { name: /^Unhappy customer/ })).toHaveCount(shown);
    await inbox.chats.first().click();
    await expect(
      page.getByRole('region', { name: /^Conversation with / }).getByRole('img', { name: /^Unhappy customer/ }),
    ).toBeVisible();
    await page.getByRole('checkbox', { name: 'Needs attention' }).uncheck();
    await page.getByRole('combobox', { name: 'Order' }).selectOption({ label: 'Most urgent first' });
    await expect(inbox.chats.first().getByRole('img', { name: /^Unhappy customer/ })).toBeVisible();

    // Redaction on: no phone number and no e-mail address reached the endpoint from any feature.
    const features = new Set(fake.requests.map(featureOf));
    expect([...features].sort()).toEqual(['rewrite', 'sentiment', 'suggest', 'summary', 'translate']);
    for (const req of fake.requests) {
      expect(phoneLike(req.text), featureOf(req)).toEqual([]);
      expect(emailLike(req.text), featureOf(req)).toEqual([]);
    }
  } finally {
    release();
    await fake.close();
  }
});

test('AI failures are a short sentence in place: a refused key, then a spent budget', async ({ page, host }) => {
  const fake = await startFakeOpenAi();
  fake.fallback(() => ({ kind: 'error', status: 401, message: 'bad key' }));
  try {
    const inbox = new InboxPage(page);
    await inbox.open(host.url);
    await inbox.startDemo();
    await enableAi(host.url, fake.url);
    await inbox.openChatAt(0);
    const before = await inbox.composer.boundingBox();
    const chips = page.getByRole('group', { name: 'Suggested replies' });
    await expect(chips.getByRole('status')).toHaveText('The AI service refused the key.');
    expect(await inbox.composer.boundingBox()).toEqual(before);
    const side = page.getByRole('region', { name: 'AI summary' });
    await side.getByRole('button', { name: 'Summarize' }).click();
    await expect(side.getByRole('status')).toHaveText('The AI service refused the key.');

    // Budget 0: nothing more reaches the endpoint, and the agent is told why.
    await enableAi(host.url, fake.url, { dailyBudget: 0 });
    const sent = fake.requests.length;
    await chips.getByRole('button', { name: 'Regenerate suggestions' }).click();
    await expect(chips.getByRole('status')).toHaveText("Today's AI budget is used up.");
    await inbox.composer.fill('Terima kasih sudah menunggu');
    await page.getByRole('button', { name: 'Rewrite with AI' }).click();
    await page.getByRole('menuitem', { name: 'Shorter' }).click();
    const preview = page.getByRole('group', { name: 'AI suggestion for your draft' });
    await expect(preview.getByRole('status')).toHaveText("Today's AI budget is used up.");
    await preview.getByRole('button', { name: 'Keep mine' }).click();
    await expect(inbox.composer).toHaveValue('Terima kasih sudah menunggu');
    expect(fake.requests.length).toBe(sent);
  } finally {
    await fake.close();
  }
});
