/** The provider registry's declarations (common/providers.ts) that the screens follow. */
import { describe, expect, it } from 'vitest';
import { capabilitiesOf, PROVIDERS } from '../../../common/providers';

describe('provider capabilities', () => {
  it('a Cloud API number is the server’s: no linking, the 24-hour window, templates and reactions, no attachments yet', () => {
    expect(PROVIDERS.meta).toEqual({
      hostedBy: 'server',
      linking: { qr: false, pairingCode: false },
      serviceWindow: true,
      templates: true,
      reactions: true,
      attachments: false,
    });
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
    expect(capabilitiesOf('telegram')).toBe(PROVIDERS.meta);
    expect(capabilitiesOf(undefined)).toBe(PROVIDERS.meta);
    expect(capabilitiesOf('webjs')).toBe(PROVIDERS.webjs);
  });
});
