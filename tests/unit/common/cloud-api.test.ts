import { describe, expect, it } from 'vitest';
import {
  SERVICE_WINDOW_MS,
  serviceWindow,
  templateComponentInputSchema,
  templateParamCount,
} from '../../../common/cloud-api';

describe('serviceWindow (24 h from the customer’s last message)', () => {
  const last = Date.UTC(2026, 11, 4, 9, 30, 0);

  it('is open right after the customer writes and closes at exactly 24 h', () => {
    expect(serviceWindow(last, last)).toEqual({ open: true, closesAt: last + SERVICE_WINDOW_MS });
    expect(serviceWindow(last, last + SERVICE_WINDOW_MS - 1)).toEqual({ open: true, closesAt: last + 86_400_000 });
    expect(serviceWindow(last, last + SERVICE_WINDOW_MS)).toEqual({ open: false, closesAt: last + 86_400_000 });
    expect(serviceWindow(last, last + SERVICE_WINDOW_MS + 1).open).toBe(false);
  });

  it('is closed, with no closing time, when the customer never wrote', () => {
    expect(serviceWindow(null, last)).toEqual({ open: false, closesAt: null });
    expect(serviceWindow(Number.NaN, last)).toEqual({ open: false, closesAt: null });
  });
});

describe('template inputs', () => {
  it('counts {{n}} parameters by the highest index', () => {
    expect(templateParamCount('Hi {{1}}, your order {{2}} ships {{ 3 }}; {{2}} again')).toBe(3);
    expect(templateParamCount('No parameters')).toBe(0);
    expect(templateParamCount(null)).toBe(0);
  });

  it('accepts a filled body and button, refuses a button without an index', () => {
    const body = { type: 'body', parameters: [{ type: 'text', text: 'Rina' }] };
    const button = { type: 'button', subType: 'url', index: 0, parameters: [{ type: 'text', text: 'A12' }] };
    expect(templateComponentInputSchema.safeParse(body).success).toBe(true);
    expect(templateComponentInputSchema.safeParse(button).success).toBe(true);
    expect(templateComponentInputSchema.safeParse({ ...button, index: undefined }).success).toBe(false);
    expect(
      templateComponentInputSchema.safeParse({ type: 'body', parameters: [{ type: 'text', text: '' }] }).success,
    ).toBe(false);
  });
});
