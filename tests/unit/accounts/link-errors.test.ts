import { describe, expect, it } from 'vitest';
import { classifyLinkError, errorTextOf, initializeFailure } from '../../../main/accounts/providers/webjs/link-errors';
import { NOT_A_BROWSER, NOT_FOUND_AT_PATH, NO_DNS, SANDBOX_AS_ROOT } from '../../helpers/accounts/link-error-texts';

describe('link errors: what whatsapp-web.js and puppeteer throw, as codes', () => {
  it.each([
    ['Chromium as root with its sandbox', SANDBOX_AS_ROOT, 'browser_sandbox_root'],
    ['a configured path with nothing there', NOT_FOUND_AT_PATH, 'browser_missing'],
    ['a file that is not a browser', NOT_A_BROWSER, 'browser_cannot_start'],
    ['no DNS', NO_DNS, 'no_network'],
    ['no network at all', 'net::ERR_INTERNET_DISCONNECTED at https://web.whatsapp.com/', 'no_network'],
    ['WhatsApp Web refusing', 'net::ERR_CONNECTION_REFUSED at https://web.whatsapp.com/', 'whatsapp_unreachable'],
    ['a proxy that fails', 'net::ERR_PROXY_CONNECTION_FAILED at https://web.whatsapp.com/', 'whatsapp_unreachable'],
    ['a TLS interception', 'net::ERR_CERT_AUTHORITY_INVALID at https://web.whatsapp.com/', 'whatsapp_unreachable'],
    ['the page never exposing Debug.VERSION (inject)', 'auth timeout', 'inject_failed'],
    ['window.WWebJS never appearing (LoadUtils)', 'ready timeout', 'inject_failed'],
    [
      'an evaluate() inside a changed WhatsApp Web',
      "Evaluation failed: TypeError: Cannot read properties of undefined (reading 'Socket')",
      'inject_failed',
    ],
    [
      'a profile held by another Chromium',
      'Failed to launch the browser process:  Code: 21\n\nstderr:\n[ERROR:process_singleton_posix.cc] Failed to create a ProcessSingleton for your profile directory.',
      'profile_locked',
    ],
    [
      'the browser closing under the library',
      'Protocol error (Runtime.callFunctionOn): Target closed',
      'browser_closed',
    ],
    ['anything else', 'something nobody expected', 'unknown'],
  ])('%s', (_what, raw, code) => {
    expect(classifyLinkError(raw)).toBe(code);
  });

  it('stops, instead of retrying, when a restart cannot help', () => {
    expect(initializeFailure(SANDBOX_AS_ROOT)).toMatchObject({ state: 'failed', action: 'alert' });
    expect(initializeFailure(NOT_FOUND_AT_PATH)).toMatchObject({ state: 'failed', action: 'alert' });
    expect(initializeFailure(NO_DNS)).toEqual({
      state: 'disconnected',
      action: 'reconnect',
      code: 'no_network',
      reason: NO_DNS,
    });
  });

  it('reads the library’s plain-string throws as well as Errors', () => {
    expect(errorTextOf('auth timeout')).toBe('auth timeout');
    expect(errorTextOf(new Error(NO_DNS))).toBe(NO_DNS);
  });
});
