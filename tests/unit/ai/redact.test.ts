import { describe, expect, it } from 'vitest';
import { createRedactor, redact } from '../../../main/ai/redact';

describe('redact', () => {
  it.each([
    ['+62 812-3456-7890', 'Call me at +62 812-3456-7890 please', 'Call me at [phone] please'],
    ['+62 without separators', 'wa +6281234567890', 'wa [phone]'],
    ['Indonesian 08 with spaces', 'nomor saya 0812 3456 7890 ya', 'nomor saya [phone] ya'],
    ['Indonesian 08 compact', 'hubungi 08123456789', 'hubungi [phone]'],
    ['62 prefix without plus', '62812345678 ok', '[phone] ok'],
    ['Jakarta landline', 'kantor (021) 555-1234', 'kantor [phone]'],
    ['US format', 'call +1 (555) 123-4567.', 'call [phone].'],
  ])('hides phone numbers: %s', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('hides e-mail addresses, including WhatsApp jids', () => {
    expect(redact('mail budi.santoso+cs@mail.co.id now')).toBe('mail [email] now');
    expect(redact('jid 628123456789@c.us')).toBe('jid [email]');
  });

  it('hides runs of six or more digits', () => {
    expect(redact('ID 1234567 and PIN 987654')).toBe('ID [number] and PIN [number]');
  });

  it('keeps prices, dates, times and short numbers', () => {
    const text = 'Rp 150.000 on 2024-11-27 at 10.30, room 12, code 12345';
    expect(redact(text)).toBe(text);
  });

  it('leaves no digit run of six or more in mixed text', () => {
    const out = redact('Order 000123456, tel 0811-2233-4455, email a@b.co, +44 20 7946 0958');
    expect(out).not.toMatch(/\d{6,}/);
    expect(out).not.toMatch(/0811|7946|a@b/);
  });
});

describe('createRedactor', () => {
  it('numbers replacements and restores them in the answer', () => {
    const r = createRedactor();
    const sent = r.redact('Call 0812 3456 7890 or mail ana@shop.id, again 0812 3456 7890');
    expect(sent).toBe('Call [phone-1] or mail [email-1], again [phone-1]');
    expect(r.restore('We will call [phone-1] and write to [email-1].')).toBe(
      'We will call 0812 3456 7890 and write to ana@shop.id.',
    );
  });

  it('leaves tokens it did not issue untouched', () => {
    const r = createRedactor();
    r.redact('nothing personal here');
    expect(r.restore('see [phone-3]')).toBe('see [phone-3]');
  });
});
