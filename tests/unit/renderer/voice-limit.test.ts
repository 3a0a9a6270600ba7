/**
 * The voice recorder says its cap before recording: in a browser (no desktop bridge) 15
 * minutes; in the desktop app, where a recording travels inline (700 KB), about 3½ minutes.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as RecorderModule from '../../../renderer/src/features/composer/VoiceRecorder';
import { stubBrowserGlobals } from '../../helpers/browser-globals';

let VoiceRecorder: typeof RecorderModule.VoiceRecorder;
beforeAll(async () => {
  await stubBrowserGlobals();
  vi.stubGlobal('window', {});
  ({ VoiceRecorder } = await import('../../../renderer/src/features/composer/VoiceRecorder'));
});

const render = () => renderToStaticMarkup(createElement(VoiceRecorder, { onRecorded: () => {}, onError: () => {} }));

describe('voice note cap in the record button’s help', () => {
  it('says 15 minutes in a browser and about 3½ in the desktop app', () => {
    expect(render()).toContain('title="Record a voice note (up to 15:00 min; it stops by itself)"');
    vi.stubGlobal('window', { desk: {} });
    expect(render()).toMatch(/title="Record a voice note \(up to 3:30 min; it stops by itself\)"/);
    vi.stubGlobal('window', {});
  });
});
