/**
 * Error texts as whatsapp-web.js 1.34.7 and puppeteer-core 24.38 produce them, captured on
 * Debian's Chromium (2026-12-05): `puppeteer.launch` as root without --no-sandbox, with a
 * missing path and with a file that is not a browser, and `page.goto` with no DNS. The
 * library's own throws in Client.inject() are plain strings ('auth timeout', 'ready timeout').
 */
export const SANDBOX_AS_ROOT = [
  'Failed to launch the browser process:  Code: 1',
  '',
  'stderr:',
  '/usr/bin/chromium: 9: [: 25276157952: unexpected operator',
  '[28486:28486:1205/180247.137662:ERROR:content/browser/zygote_host/zygote_host_impl_linux.cc:103] Running as root without --no-sandbox is not supported. See https://crbug.com/638180.',
  '',
  'TROUBLESHOOTING: https://pptr.dev/troubleshooting',
  '',
].join('\n');

export const NOT_FOUND_AT_PATH = 'Browser was not found at the configured executablePath (/nope/chrome)';

export const NOT_A_BROWSER = [
  'Failed to launch the browser process:  Code: 127',
  '',
  'stderr:',
  '/etc/hostname: 1: vm: not found',
  '',
  'TROUBLESHOOTING: https://pptr.dev/troubleshooting',
  '',
].join('\n');

export const NO_DNS = 'net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/';
