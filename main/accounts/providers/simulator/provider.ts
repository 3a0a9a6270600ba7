/**
 * The simulator provider: a stand-in for WhatsApp that behaves like the real thing where it
 * matters to us — a QR that gets "scanned", contacts writing on a schedule, ticks that
 * advance, edits, deletions, reactions, media, and a connection that can drop while
 * messages keep arriving, after which only catch-up (not `message` events) brings them in.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageInput, ReactionInput } from '../../../../common/ingest';
import { saveMedia } from '../../../platform/media-store';
import type { ParsedSimulatorControl } from '../../protocol';
import type { ProviderEvent, ProviderListener, ProviderRequest, ProviderResults } from '../../provider';
import type { ControllableProvider } from '../../runtime/host';
import { catchUpWorld, followUpEvent, olderHistoryOf, olderMessages } from './history';
import type { GroupExtra } from './group-extras';
import { ownMessageAction } from './own-messages';
import { hiddenNumberExtra, mentionExtra, pollExtra } from './group-extras';
import { mediaFileFor } from './media';
import { rngOf } from './rng';
import type { SimMessage, World } from './world';
import { createWorld } from './world';
import { createOutgoing } from './outgoing';
import { spawnHelperBrowser } from './helper-browser';

export type SimulatorOptions = {
  readonly accountId: string;
  readonly dataDir: string;
  readonly seed: number;
  readonly epochMs: number;
  readonly chats: number;
  readonly chatterIntervalMs: number;
  readonly qrScanDelayMs: number;
  readonly history: number;
  readonly ackStepMs: number;
  readonly ready: 'normal' | 'never';
  readonly pairingPhone?: string | null;
  /** Messages per chat the phone holds before the synced history (older-history pages only). */
  readonly olderHistory?: number;
};

export function createSimulatorProvider(o: SimulatorOptions): ControllableProvider {
  const world: World = createWorld(o);
  const listeners = new Set<ProviderListener>();
  const timers = new Set<NodeJS.Timeout>();
  const sessionFile = join(o.dataDir, 'simulator', `session-${o.accountId}`);
  const seedTag = `SIM${o.seed.toString(16).toUpperCase()}`;
  // Messages outside the schedule: sent by the agent, offline bursts, injected by tests.
  const extras = new Map<string, SimMessage>();
  const reactions: ReactionInput[] = [];
  // Older history per chat, built on the first request for it and kept (media lookups).
  const olderByChat = new Map<string, SimMessage[]>();
  const olderOf = (chatJid: string): SimMessage[] => {
    let older = olderByChat.get(chatJid);
    if (!older) {
      older = olderHistoryOf(world, chatJid, o.olderHistory ?? 80);
      olderByChat.set(chatJid, older);
    }
    return older;
  };
  let ready = false;
  let online = false;
  let hung = false;
  let nextLive = 0;
  let sentCount = 0;
  let burstCount = 0;
  const ballast: Buffer[] = [];
  const helpers: number[] = [];

  const emit = (event: ProviderEvent) => {
    if (hung) return; // a hung browser says nothing
    for (const l of listeners) l(event);
  };
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const status = (s: Extract<ProviderEvent, { kind: 'status' }>['status']) => emit({ kind: 'status', status: s });

  const withLocalMedia = (m: SimMessage): MessageInput => {
    const info = mediaFor(m);
    return info ? { ...m.input, media: info } : m.input;
  };

  const mediaFor = (m: SimMessage) => mediaFileFor(o.dataDir, m);

  const deliverLive = (m: SimMessage) => {
    emit({ kind: 'message', message: withLocalMedia(m) });
    for (const f of m.followUps) {
      later(f.afterMs, () => {
        if (online) emit(followUpEvent(m, f)); // offline: catch-up will bring the final state
      });
    }
  };

  // A group's extra (a poll, then its votes a moment apart; or a mention), kept for lookups.
  const deliverExtra = (extra: GroupExtra) => {
    const input = extra.message.input;
    extras.set(input.providerMessageId, extra.message);
    emit({ kind: 'message', message: input });
    extra.votes.forEach((vote, i) =>
      later(500 * (i + 1), () => {
        if (online) emit({ kind: 'vote', vote: { ...vote, timestamp: Date.now() } });
      }),
    );
  };

  // Now and then a group member asks the group a question as a poll, and another votes.
  const maybePoll = (k: number) => {
    const rng = rngOf(o.seed, 'poll', k);
    const chat = world.chats.find(c => c.isGroup && rng.chance(0.06));
    if (chat && online) deliverExtra(pollExtra(world, chat, 'poll', k, rng));
  };

  // On demand (demo:simulate): in the first group, so a test or a trainer knows where to look.
  let onDemand = 0;
  const customerSends = (what: 'poll' | 'mention' | 'hidden_number') => {
    const chat = world.chats.find(c => (what === 'hidden_number' ? !c.isGroup : c.isGroup));
    if (!chat || !online) return;
    const n = ++onDemand;
    deliverExtra(
      what === 'poll'
        ? pollExtra(world, chat, 'askpoll', n, null)
        : what === 'mention'
          ? mentionExtra(world, chat, 'askmention', n)
          : hiddenNumberExtra(world, chat, n),
    );
  };

  const scheduleLive = () => {
    const due = world.timeOf(nextLive);
    if (!Number.isFinite(due)) return;
    later(Math.max(0, due - Date.now()), () => {
      // Offline: the message still reaches "the server"; catch-up will fetch it.
      if (online) deliverLive(world.message(nextLive));
      maybePoll(nextLive);
      nextLive++;
      scheduleLive();
    });
  };

  const becomeReady = () => {
    if (o.ready === 'never') return; // like a WhatsApp Web update that breaks `ready`
    ready = true;
    online = true;
    nextLive = world.lastIndexAt(Date.now()) + 1;
    status({ state: 'ready', phone: world.me.phone });
    scheduleLive();
  };

  const linkDevice = () => {
    mkdirSync(join(o.dataDir, 'simulator'), { recursive: true });
    writeFileSync(sessionFile, String(o.seed));
    status({ state: 'connecting', code: 'linked_loading', reason: null });
    later(300, becomeReady);
  };

  const outgoing = createOutgoing({
    accountId: o.accountId,
    seed: o.seed,
    seedTag,
    ackStepMs: o.ackStepMs,
    world,
    extras,
    reactions,
    emit,
    later,
    isOnline: () => online,
    deliverLive,
    nextSent: () => ++sentCount,
  });

  const findMessage = (providerMessageId: string): SimMessage | undefined => {
    const extra = extras.get(providerMessageId);
    if (extra) return extra;
    for (const older of olderByChat.values()) {
      const m = older.find(x => x.input.providerMessageId === providerMessageId);
      if (m) return m;
    }
    const tag = providerMessageId.split(seedTag)[1]?.split('_')[0];
    if (!tag || !/^[0-9A-Z]+$/.test(tag)) return undefined;
    const k = parseInt(tag, 36);
    const m = world.message(k);
    return m.input.providerMessageId === providerMessageId ? m : undefined;
  };

  // Narrowing on req.op cannot narrow a generic, so the switch returns unknown and the
  // exported `request` restores the per-op result type.
  async function handle(req: ProviderRequest): Promise<unknown> {
    if (!ready && req.op !== 'requestPairingCode') throw new Error('WhatsApp is not connected');
    switch (req.op) {
      case 'sendText':
        return outgoing.sent(req.chatJid, {
          type: 'text',
          body: req.text,
          caption: null,
          media: null,
          quotedProviderMessageId: req.quotedProviderMessageId,
          clientMessageId: req.clientMessageId,
        });
      case 'sendMedia': {
        const stored = saveMedia(o.dataDir, readFileSync(req.path), req.mimeType);
        return outgoing.sent(req.chatJid, {
          type: req.kind,
          body: null,
          caption: req.caption,
          media: {
            mimeType: req.mimeType,
            fileName: req.fileName,
            size: stored.size,
            sha256: stored.sha256,
            localPath: stored.localPath,
            width: null,
            height: null,
            durationS: null,
            thumbnail: null,
          },
          quotedProviderMessageId: req.quotedProviderMessageId,
          clientMessageId: req.clientMessageId,
        });
      }
      case 'react':
        emit({
          kind: 'reaction',
          reaction: {
            accountId: o.accountId,
            providerMessageId: req.providerMessageId,
            senderJid: world.me.jid,
            emoji: req.emoji,
            timestamp: Date.now(),
          },
        });
        return null;
      case 'editMessage':
      case 'deleteMessage':
        return ownMessageAction(findMessage(req.providerMessageId), req, { accountId: o.accountId, extras, emit });
      case 'markRead': {
        const chat = outgoing.chatOf(req.chatJid);
        if (chat)
          emit({
            kind: 'chat',
            chat: { accountId: o.accountId, jid: chat.jid, isGroup: chat.isGroup, name: chat.name, unreadCount: 0 },
          });
        return null;
      }
      case 'setChatFlags': {
        // Like WhatsApp, the phone echoes the chat's new state back as a chat update.
        const chat = outgoing.chatOf(req.chatJid);
        if (chat)
          emit({
            kind: 'chat',
            chat: {
              accountId: o.accountId,
              jid: chat.jid,
              isGroup: chat.isGroup,
              name: chat.name,
              ...(req.pinned !== undefined ? { pinned: req.pinned } : {}),
              ...(req.archived !== undefined ? { archived: req.archived } : {}),
              ...(req.muted !== undefined ? { muted: req.muted } : {}),
              ...(req.unread === false ? { unreadCount: 0 } : {}),
            },
          });
        return null;
      }
      case 'setBlocked': {
        // As WhatsApp: only a person can be blocked; the simulated phone keeps no more than that.
        if (req.chatJid.endsWith('@g.us')) throw new Error('A group cannot be blocked');
        return null;
      }
      case 'loadOlder':
        return olderMessages(
          world,
          extras.values(),
          olderOf(req.chatJid),
          req.chatJid,
          req.beforeMs ?? Date.now(),
          req.limit,
        );
      case 'downloadMedia': {
        const m = findMessage(req.providerMessageId);
        return m ? mediaFor(m) : null;
      }
      case 'requestPairingCode': {
        const rng = rngOf(o.seed, 'pair', req.phone);
        const code = Array.from({ length: 8 }, () => rng.pick([...'ABCDEFGHJKLMNPQRSTVWXYZ23456789'])).join('');
        emit({ kind: 'pairing_code', code });
        if (!ready) later(o.qrScanDelayMs, linkDevice);
        return code;
      }
    }
    throw new Error('unknown request');
  }

  return {
    async start() {
      if (existsSync(sessionFile)) {
        status({ state: 'connecting', code: 'opening', reason: 'restoring the saved session' });
        later(200, becomeReady);
        return;
      }
      if (o.pairingPhone) {
        await handle({ op: 'requestPairingCode', phone: o.pairingPhone });
        return;
      }
      emit({ kind: 'qr', qr: `2@SIMULATOR,${o.accountId},${o.seed}` });
      later(o.qrScanDelayMs, linkDevice);
    },
    async stop() {
      for (const pid of helpers.splice(0)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      for (const t of timers) clearTimeout(t);
      timers.clear();
      ready = false;
      online = false;
    },
    async logout() {
      await this.stop();
      rmSync(sessionFile, { force: true });
    },
    request: <R extends ProviderRequest>(req: R) => handle(req) as Promise<ProviderResults[R['op']]>,
    catchUp: (watermarks, send) => catchUpWorld(world, [...extras.values()], reactions, watermarks, send),
    async probe() {
      if (hung) await new Promise<never>(() => undefined);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async control(c: ParsedSimulatorControl) {
      switch (c.kind) {
        case 'offline': {
          if (!ready) return;
          online = false;
          status({ state: 'connecting', code: 'reconnecting', reason: null });
          const count = c.messages ?? 0;
          const start = Date.now();
          const burst = ++burstCount;
          for (let i = 0; i < count; i++) {
            const at = start + Math.floor(((i + 1) * c.durationMs) / (count + 1));
            const m = world.extraMessage(`off${burst}x`, i, at);
            extras.set(m.input.providerMessageId, m);
          }
          later(c.durationMs, () => {
            online = true;
            status({ state: 'ready', phone: world.me.phone });
          });
          return;
        }
        case 'inject':
          if (c.event.kind === 'message') {
            const input = c.event.message;
            extras.set(input.providerMessageId, { input, followUps: [], mediaVariant: 0 });
          }
          if (online) emit(c.event);
          return;
        case 'customer_sends':
          customerSends(c.what);
          return;
        case 'hang':
          hung = true;
          online = false;
          return;
        case 'spawn_browser': {
          const pid = await spawnHelperBrowser(c.chromium);
          helpers.push(pid);
          if (pid) emit({ kind: 'browser', pid });
          return;
        }
        case 'bloat':
          ballast.push(Buffer.alloc(c.megabytes * 1024 * 1024, 1));
          return;
        case 'crash':
          return; // handled by the runtime host, which owns the process
      }
    },
  };
}
