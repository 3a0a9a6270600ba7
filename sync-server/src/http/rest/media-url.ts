/**
 * Media by URL for a REST send (`media: { url }`): the server fetches the file once and
 * stores it as if the key's admin had uploaded it (http/uploads.ts: the same types, limits,
 * rate and streaming to disk). The URL is hostile input: https only and public addresses
 * only, checked before connecting and again in the connection's own DNS lookup (the
 * webhooks' guard, webhooks/address.ts), no redirects, a Content-Length required, and a
 * 20-second idle limit.
 */
import { get as httpGet } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { CommandError } from '../../../../common/result';
import type { Services } from '../../handlers/context';
import { guardedLookup, targetRefusal } from '../../webhooks/address';
import type { Uploaded } from '../uploads';
import { receiveUpload } from '../uploads';

const IDLE_MS = 20_000;

function open(url: URL, allowPrivate: boolean): Promise<IncomingMessage> {
  const lookup = guardedLookup({ allowPrivate });
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const req = get(url, { lookup, timeout: IDLE_MS, headers: { 'user-agent': 'BlazzDesk-media-fetch' } }, resolve);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

export async function fetchMediaByUrl(services: Services, memberId: string, raw: string): Promise<Uploaded> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CommandError('invalid_args', 'not a URL', { reason: 'url_invalid' });
  }
  const refusal = await targetRefusal(url, services.outbound);
  if (refusal)
    throw new CommandError('invalid_args', 'the server may not fetch that URL', { reason: `url_${refusal}` });
  let res: IncomingMessage;
  try {
    res = await open(url, services.outbound.allowPrivate);
  } catch (err) {
    const refused = (err as NodeJS.ErrnoException).code === 'ERR_WEBHOOK_REFUSED_ADDRESS';
    throw new CommandError(refused ? 'invalid_args' : 'unavailable', 'the media URL could not be fetched', {
      reason: refused ? 'url_private_address' : 'url_unreachable',
    });
  }
  if (res.statusCode !== 200) {
    res.resume();
    throw new CommandError('invalid_args', 'the media URL did not answer 200', {
      reason: 'url_status',
      status: res.statusCode ?? 0,
    });
  }
  try {
    return await receiveUpload(services, res, memberId, null);
  } finally {
    res.destroy();
  }
}

/** A file name from the URL's last path segment, when it has a sensible one. */
export function fileNameOfUrl(raw: string): string | null {
  try {
    const last = decodeURIComponent(new URL(raw).pathname.split('/').pop() ?? '');
    const printable = [...last].every(c => c >= ' ' && c !== '\\' && c !== '/');
    return last.length > 0 && last.length <= 255 && printable ? last : null;
  } catch {
    return null;
  }
}
