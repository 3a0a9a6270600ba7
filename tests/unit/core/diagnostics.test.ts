import { describe, expect, it } from 'vitest';
import { diagnosticsText } from '../../../main/core/handlers/app';

describe('diagnostics', () => {
  it('lists versions, account states and recent problems, without message content', () => {
    const text = diagnosticsText(
      {
        name: 'Blazz Desk',
        version: '1.2.3',
        shell: 'headless',
        platform: 'linux',
        dataDir: '/d',
        startedAt: 0,
        firstRun: false,
      },
      {
        accounts: () => [
          { id: 'acc_1', provider: 'webjs', state: 'failed', stateReason: 'Chrome not found', rssBytes: 300 * 1048576 },
          { id: 'acc_2', provider: 'simulator', state: 'ready', stateReason: null, rssBytes: null },
        ],
        workspace: () => ({ connection: 'offline', pendingPush: 4, cursor: 120 }),
        problems: () => ['2026-01-01T00:00:00Z warn account dropped'],
      },
    );
    expect(text).toContain('Blazz Desk 1.2.3 (headless) on linux');
    expect(text).toContain('acc_1 [webjs] failed — Chrome not found, 300 MB');
    expect(text).toContain('acc_2 [simulator] ready');
    expect(text).toContain('Workspace: offline, 4 batches to push, cursor 120');
    expect(text).toContain('warn account dropped');
  });

  it('says when nothing went wrong', () => {
    const text = diagnosticsText(
      {
        name: 'Blazz Desk',
        version: '1',
        shell: 'electron',
        platform: 'win32',
        dataDir: '/d',
        startedAt: 0,
        firstRun: true,
      },
      {
        accounts: () => [],
        workspace: () => ({ connection: 'signed_out', pendingPush: 0, cursor: 0 }),
        problems: () => [],
      },
    );
    expect(text).toMatch(/Recent problems:\n {2}none/);
  });
});
