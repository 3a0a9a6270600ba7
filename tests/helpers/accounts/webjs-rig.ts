/**
 * One webjs provider over a fake Client, its events recorded and its data events fed
 * through the idempotent store double, as in the app. Shared by the webjs test files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { ContactInput, MessageInput } from '../../../common/ingest';
import type { ProviderEvent, ProviderStatus, WhatsAppProvider } from '../../../main/accounts/provider';
import { createWebjsProvider } from '../../../main/accounts/providers/webjs/provider';
import { FakeWwebClient, fakeFactory } from './fake-wweb';
import { MemoryStore } from './memory-store';

export const A = 'acc_webjs';
export const CUSTOMER = '628111222333@c.us';
export const GROUP = '120363000000000001@g.us';

export type WebjsRig = {
  readonly dir: string;
  readonly fake: FakeWwebClient;
  readonly events: ProviderEvent[];
  readonly store: MemoryStore;
  provider: WhatsAppProvider | null;
  messages(): MessageInput[];
  statuses(): ProviderStatus[];
  start(opts?: { executablePath?: string | null; lookup?: () => string | null }): Promise<WhatsAppProvider>;
  /** The library's login sequence once the phone is linked. */
  ready(): void;
  dispose(): Promise<void>;
};

export function createWebjsRig(): WebjsRig {
  const rig: WebjsRig = {
    dir: mkdtempSync(join(tmpdir(), 'blazz-webjs-')),
    fake: new FakeWwebClient(),
    events: [],
    store: new MemoryStore(),
    provider: null,
    messages: () => rig.events.flatMap(e => (e.kind === 'message' ? [e.message as MessageInput] : [])),
    statuses: () => rig.events.flatMap(e => (e.kind === 'status' ? [e.status] : [])),
    async start(opts = {}) {
      const provider = createWebjsProvider({
        accountId: A,
        dataDir: rig.dir,
        // Any executable file passes the browser check (the fake Client never launches it).
        executablePath: opts.executablePath === undefined ? process.execPath : opts.executablePath,
        pairingPhone: null,
        headless: true,
        clientFactory: fakeFactory(rig.fake),
        log: () => undefined,
        ...(opts.lookup ? { findBrowser: opts.lookup } : {}),
      });
      rig.provider = provider;
      provider.onEvent(e => {
        rig.events.push(e);
        if (e.kind === 'message') rig.store.ingest({ messages: [e.message] });
        if (e.kind === 'ack') rig.store.ingest({ acks: [e.ack] });
        if (e.kind === 'edit') rig.store.ingest({ edits: [e.edit] });
        if (e.kind === 'revoke') rig.store.ingest({ revokes: [e.revoke] });
        if (e.kind === 'reaction') rig.store.ingest({ reactions: [e.reaction] });
      });
      await provider.start();
      return provider;
    },
    ready() {
      rig.fake.emit('authenticated', {});
      rig.fake.emit('ready');
    },
    async dispose() {
      await rig.provider?.stop();
      rmSync(rig.dir, { recursive: true, force: true });
    },
  };
  return rig;
}

/**
 * A rig started and linked (`ready`) before each test of the file and disposed after it;
 * `use` gets each test's rig (assign it to the file's variables).
 */
export function useReadyWebjsRig(use: (rig: WebjsRig) => void): void {
  let current: WebjsRig | null = null;
  beforeEach(async () => {
    current = createWebjsRig();
    use(current);
    await current.start();
    current.ready();
  });
  afterEach(() => current?.dispose());
}

/** The contacts the provider reported, in order. */
export const contactsOf = (rig: WebjsRig): ContactInput[] =>
  rig.events.flatMap(e => (e.kind === 'contact' ? [e.contact as ContactInput] : []));
