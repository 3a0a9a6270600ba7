/**
 * What each kind of WhatsApp number can do: the provider registry's declarations
 * (ARCHITECTURE §4). The desktop runtime loads a provider by its kind
 * (main/accounts/runtime/host.ts, PROVIDER_LOADERS), and the screens ask these capabilities
 * rather than comparing provider names. Pure: the renderer, the core and the server share it.
 */
import type { ProviderKind } from './domain';

export type ProviderCapabilities = {
  /** Where the number runs: the desktop that linked it, or the workspace server (Cloud API). */
  readonly hostedBy: 'desktop' | 'server';
  /** How it is linked: scanning a QR code, or a pairing code typed on the phone. */
  readonly linking: { readonly qr: boolean; readonly pairingCode: boolean };
  /** Free-form replies only within 24 h of the customer's last message; approved templates after. */
  readonly serviceWindow: boolean;
  /** Meta's approved message templates can be sent. */
  readonly templates: boolean;
  /** A member can react to a message. */
  readonly reactions: boolean;
  /** A member can attach a file to a reply. */
  readonly attachments: boolean;
  /** The person behind a one-to-one chat can be blocked and unblocked from the inbox. */
  readonly blocking: boolean;
};

export const PROVIDERS: Readonly<Record<ProviderKind, ProviderCapabilities>> = {
  webjs: {
    hostedBy: 'desktop',
    linking: { qr: true, pairingCode: true },
    serviceWindow: false,
    templates: false,
    reactions: true,
    attachments: true,
    blocking: true,
  },
  simulator: {
    hostedBy: 'desktop',
    linking: { qr: true, pairingCode: true },
    serviceWindow: false,
    templates: false,
    reactions: true,
    attachments: true,
    blocking: true,
  },
  // Media sends and reactions through Graph are not built yet (docs/cloud-api.md).
  meta: {
    hostedBy: 'server',
    linking: { qr: false, pairingCode: false },
    serviceWindow: true,
    templates: true,
    reactions: true,
    attachments: false,
    // Meta's Cloud API has its own block endpoint; not used yet (docs/cloud-api.md).
    blocking: false,
  },
};

/** The capabilities of a provider kind; an unknown kind (a newer server's) can do the least. */
export function capabilitiesOf(provider: string | undefined): ProviderCapabilities {
  return provider && provider in PROVIDERS ? PROVIDERS[provider as ProviderKind] : PROVIDERS.meta;
}
