/**
 * The team view's "First reply overdue" cell: how many of a row's chats are past their
 * first-reply due time, in words in both languages. Server rendering, plain Node.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as CellModule from '../../../renderer/src/features/team/OverdueCount';
import type * as TeamTModule from '../../../renderer/src/features/team/useTeamT';
import { stubBrowserGlobals } from '../../helpers/browser-globals';

let cell: typeof CellModule;
let teamT: typeof TeamTModule;
beforeAll(async () => {
  await stubBrowserGlobals();
  cell = await import('../../../renderer/src/features/team/OverdueCount');
  teamT = await import('../../../renderer/src/features/team/useTeamT');
});

const render = (language: 'en' | 'id', dueAts: readonly number[]) =>
  renderToStaticMarkup(
    createElement(cell.OverdueCount, {
      t: (key, vars) => teamT.teamTranslate(language, key, vars),
      dueAts,
    }),
  );

describe('overdue marker', () => {
  it('counts the due times already past, marked in the error style, in English and Bahasa Indonesia', () => {
    const past = Date.now() - 60_000;
    const future = Date.now() + 3_600_000;
    const en = render('en', [past, past - 1, future]);
    expect(en).toContain('class="team-overdue"');
    expect(en).toContain('>2 overdue<');
    expect(render('id', [past])).toContain('>1 terlambat<');
  });

  it('shows a plain 0 when nothing is overdue', () => {
    const html = render('en', [Date.now() + 3_600_000]);
    expect(html).not.toContain('team-overdue');
    expect(html).toContain('>0<');
  });
});
