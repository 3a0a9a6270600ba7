/**
 * What each kind of WhatsApp number can do: the provider registry's declarations
 * (ARCHITECTURE §4). The desktop runtime loads a provider by its kind
 * (main/accounts/runtime/host.ts, PROVIDER_LOADERS), and the screens ask these capabilities
 * rather than comparing provider names. Pure: the renderer, the core and the server share it.
 */
import { CLOUD_MEDIA_LIMITS } from './cloud/constants';
import type { ProviderKind } from './domain';

/** How WhatsApp files an attachment: media plays inline, a document is a file to download. */
export type AttachmentKind = 'image' | 'video' | 'audio' | 'document';
export type MediaLimits = Readonly<Record<AttachmentKind, number>>;

const MB = 1024 * 1024;
/** WhatsApp's own limits (16 MB media, 100 MB documents), also the server's upload ceiling. */
export const WHATSAPP_MEDIA_LIMITS: MediaLimits = {
  image: 16 * MB,
  video: 16 * MB,
  audio: 16 * MB,
  document: 100 * MB,
};

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
  /** The largest attachment of each kind, in bytes: the composer shows it, the server enforces it. */
  readonly mediaLimits: MediaLimits;
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
    mediaLimits: WHATSAPP_MEDIA_LIMITS,
    blocking: true,
  },
  simulator: {
    hostedBy: 'desktop',
    linking: { qr: true, pairingCode: true },
    serviceWindow: false,
    templates: false,
    reactions: true,
    attachments: true,
    mediaLimits: WHATSAPP_MEDIA_LIMITS,
    blocking: true,
  },
  // Meta caps images at 5 MB (docs/cloud-api.md).
  meta: {
    hostedBy: 'server',
    linking: { qr: false, pairingCode: false },
    serviceWindow: true,
    templates: true,
    reactions: true,
    attachments: true,
    mediaLimits: {
      image: CLOUD_MEDIA_LIMITS.image,
      video: CLOUD_MEDIA_LIMITS.video,
      audio: CLOUD_MEDIA_LIMITS.audio,
      document: CLOUD_MEDIA_LIMITS.document,
    },
    // Meta's Cloud API has its own block endpoint; not used yet (docs/cloud-api.md).
    blocking: false,
  },
};

/**
 * What an unknown kind (a newer server's) is offered: the least, as a server-hosted number
 * with the window and no attachments (this desktop cannot know its limits).
 */
export const UNKNOWN_PROVIDER: ProviderCapabilities = {
  ...PROVIDERS.meta,
  templates: false,
  attachments: false,
  reactions: false,
  blocking: false,
};

/** The capabilities of a provider kind; an unknown kind can do the least. */
export function capabilitiesOf(provider: string | undefined): ProviderCapabilities {
  return provider && provider in PROVIDERS ? PROVIDERS[provider as ProviderKind] : UNKNOWN_PROVIDER;
}

/** The kind of a MIME type: image/video/audio by its top-level type, anything else is a document. */
export function attachmentKindOf(mimeType: string): AttachmentKind {
  const top = mimeType.split('/')[0]?.trim().toLowerCase();
  return top === 'image' || top === 'video' || top === 'audio' ? top : 'document';
}

/** The largest file of this type the provider sends, in bytes. */
export function maxAttachmentBytes(provider: string | undefined, mimeType: string): number {
  return capabilitiesOf(provider).mediaLimits[attachmentKindOf(mimeType)];
}
