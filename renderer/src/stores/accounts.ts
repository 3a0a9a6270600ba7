/** The WhatsApp accounts (numbers) on this desktop, kept current by accounts:changed. */
import { create } from 'zustand';
import type { AccountAlert } from '../../../common/api/accounts';
import type { Account, AccountId, SimulatorPace } from '../../../common/domain';
import type { Reply } from '../../../common/result';
import { api } from '../api/client';
import { errorText } from '../lib/error-text';

type AccountsState = {
  accounts: readonly Account[];
  byId: ReadonlyMap<AccountId, Account>;
  alerts: readonly AccountAlert[];
  error: string | null;
  load(): Promise<void>;
  start(): () => void;
  add(args: {
    name: string;
    color?: string;
    pairingPhone?: string;
    provider?: 'webjs' | 'simulator';
    browserPath?: string;
  }): Promise<Reply<Account>>;
  startDemo(): Promise<Reply<readonly Account[]>>;
  act(action: 'start' | 'stop' | 'logout' | 'remove', accountId: AccountId): Promise<Reply<unknown>>;
  update(
    accountId: AccountId,
    patch: {
      name?: string;
      color?: string;
      muted?: boolean;
      simulatorPace?: SimulatorPace;
      browserPath?: string | null;
      readReceipts?: boolean;
    },
  ): Promise<Reply<Account>>;
  requestPairingCode(accountId: AccountId, phone: string): Promise<Reply<{ readonly code: string }>>;
  dismissAlert(alert: AccountAlert): void;
};

const indexed = (accounts: readonly Account[]) => ({ accounts, byId: new Map(accounts.map(a => [a.id, a])) });

export const useAccounts = create<AccountsState>((set, get) => ({
  accounts: [],
  byId: new Map(),
  alerts: [],
  error: null,
  async load() {
    const r = await api().invoke('accounts:list', {});
    if (r.ok) set({ ...indexed(r.value), error: null });
    else set({ error: errorText(r.error) });
  },
  start() {
    const offChanged = api().subscribe('accounts:changed', ({ accounts }) => set(indexed(accounts)));
    const offAlert = api().subscribe('accounts:alerted', alert =>
      set({ alerts: [...get().alerts.filter(a => a.accountId !== alert.accountId), alert].slice(-5) }),
    );
    return () => {
      offChanged();
      offAlert();
    };
  },
  async add({ name, color, pairingPhone, provider = 'webjs', browserPath }) {
    const r = await api().invoke('accounts:add', {
      provider,
      name,
      ...(color ? { color } : {}),
      ...(pairingPhone ? { pairingPhone } : {}),
      ...(browserPath?.trim() ? { browserPath: browserPath.trim() } : {}),
    });
    if (r.ok) upsert(r.value);
    return r;
  },
  async startDemo() {
    const r = await api().invoke('demo:start', {});
    if (r.ok) await get().load();
    return r;
  },
  async act(action, accountId) {
    const r = await api().invoke(`accounts:${action}`, { accountId });
    if (r.ok && action === 'remove') set(indexed(get().accounts.filter(a => a.id !== accountId)));
    else if (r.ok && r.value && typeof r.value === 'object' && 'state' in r.value) upsert(r.value);
    return r;
  },
  async update(accountId, patch) {
    const r = await api().invoke('accounts:update', { accountId, ...patch });
    if (r.ok) upsert(r.value);
    return r;
  },
  requestPairingCode: (accountId, phone) => api().invoke('accounts:requestPairingCode', { accountId, phone }),
  dismissAlert(alert) {
    set({ alerts: get().alerts.filter(a => a !== alert) });
  },
}));

function upsert(account: Account): void {
  const { accounts } = useAccounts.getState();
  const next = accounts.some(a => a.id === account.id)
    ? accounts.map(a => (a.id === account.id ? account : a))
    : [...accounts, account];
  useAccounts.setState(indexed(next));
}

/** States in which a number can send right now. */
export const canSend = (a: Account | undefined): boolean => a?.state === 'ready';
