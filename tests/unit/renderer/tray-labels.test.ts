import { describe, expect, it } from 'vitest';
import { shellLabelsSchema } from '../../../common/api/app';
import { stateKey } from '../../../renderer/src/features/accounts/states';
import { trayLabels } from '../../../renderer/src/features/shell/tray-labels';
import { INDONESIAN_TRAY_LABELS } from '../../helpers/shell-labels';

describe('the tray’s words the page sends to main', () => {
  it('pass the lane’s schema in both languages and name every account state', () => {
    for (const language of ['en', 'id'] as const) {
      const labels = trayLabels(language);
      expect(shellLabelsSchema.safeParse(labels).success).toBe(true);
      expect(Object.keys(labels.states).sort()).toEqual(Object.keys(stateKey).sort());
    }
  });

  it('are the Bahasa Indonesia ones the main-side tests use', () => {
    const id = trayLabels('id');
    const { states, ...words } = INDONESIAN_TRAY_LABELS;
    expect(id).toMatchObject(words);
    expect(id.states).toMatchObject(states);
    expect(trayLabels('en')).toMatchObject({
      show: 'Show Blazz Desk',
      quit: 'Quit',
      unread: 'Blazz Desk — {count} unread',
    });
  });
});
