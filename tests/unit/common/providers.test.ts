/** The provider registry's declarations (common/providers.ts) that the screens follow. */
import { describe, expect, it } from 'vitest';
import {
  attachmentKindOf,
  capabilitiesOf,
  maxAttachmentBytes,
  PROVIDERS,
  UNKNOWN_PROVIDER,
} from '../../../common/providers';

const MB = 1024 * 1024;

describe('provider capabilities', () => {
  it('a Cloud API number is the server’s: no linking, the 24-hour window, templates, reactions, attachments, no blocking', () => {
    expect(PROVIDERS.meta).toEqual({
      hostedBy: 'server',
      linking: { qr: false, pairingCode: false },
      serviceWindow: true,
      templates: true,
      reactions: true,
      attachments: true,
      mediaLimits: { image: 5 * MB, video: 16 * MB, audio: 16 * MB, document: 100 * MB },
      blocking: false,
    });
  });

  it('limits attachments by kind as WhatsApp does, and images on Cloud numbers as Meta does', () => {
    expect(attachmentKindOf('image/png')).toBe('image');
    expect(attachmentKindOf('audio/ogg; codecs=opus')).toBe('audio');
    expect(attachmentKindOf('application/pdf')).toBe('document');
    expect(attachmentKindOf('garbage')).toBe('document');
    expect(maxAttachmentBytes('webjs', 'image/jpeg')).toBe(16 * MB);
    expect(maxAttachmentBytes('simulator', 'video/mp4')).toBe(16 * MB);
    expect(maxAttachmentBytes('webjs', 'application/zip')).toBe(100 * MB);
    expect(maxAttachmentBytes('meta', 'image/jpeg')).toBe(5 * MB);
    expect(maxAttachmentBytes('meta', 'application/pdf')).toBe(100 * MB);
  });

  it('desktop numbers link by QR or pairing code and send freely', () => {
    for (const kind of ['webjs', 'simulator'] as const) {
      expect(PROVIDERS[kind]).toMatchObject({
        hostedBy: 'desktop',
        serviceWindow: false,
        attachments: true,
        reactions: true,
      });
      expect(PROVIDERS[kind].linking).toEqual({ qr: true, pairingCode: true });
    }
  });

  it('an unknown kind (a newer server’s) is offered the least', () => {
    expect(capabilitiesOf('telegram')).toBe(UNKNOWN_PROVIDER);
    expect(capabilitiesOf(undefined)).toBe(UNKNOWN_PROVIDER);
    expect(UNKNOWN_PROVIDER).toMatchObject({ attachments: false, templates: false, reactions: false });
    expect(capabilitiesOf('webjs')).toBe(PROVIDERS.webjs);
  });
});
