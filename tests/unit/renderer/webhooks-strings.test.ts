import { describe, expect, it } from 'vitest';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from '../../../common/protocol-webhooks';
import { webhooksEn } from '../../../renderer/src/i18n/webhooks.en';
import { webhooksId } from '../../../renderer/src/i18n/webhooks.id';

const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();

describe('webhooks strings', () => {
  it('has every key in Bahasa Indonesia, not empty, with the same placeholders', () => {
    expect(Object.keys(webhooksId).sort()).toEqual(Object.keys(webhooksEn).sort());
    for (const key of Object.keys(webhooksEn) as (keyof typeof webhooksEn)[]) {
      expect(webhooksId[key].trim(), key).not.toBe('');
      expect(vars(webhooksId[key]), key).toEqual(vars(webhooksEn[key]));
    }
  });

  it('words every event type and delivery status', () => {
    for (const e of WEBHOOK_EVENT_TYPES) expect(Object.keys(webhooksEn)).toContain(`webhooks.event.${e}`);
    for (const s of WEBHOOK_DELIVERY_STATUSES) expect(Object.keys(webhooksEn)).toContain(`webhooks.status.${s}`);
  });
});
