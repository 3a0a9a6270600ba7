/**
 * Where webhooks may go (docs/webhooks.md, "Where webhooks may go"): to stop an admin's
 * URL from reaching the server's own network (SSRF), a target must be https and every
 * address its name resolves to must be public. An operator may allow private, loopback
 * and link-local targets, and plain http to them, with WEBHOOK_ALLOW_PRIVATE_NETWORKS=1.
 * The check runs when an endpoint is saved and again inside each connection's DNS lookup,
 * so a name that later resolves to a private address (DNS rebinding) is refused too.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

/** True when the address is not on the public internet (private, loopback, link-local, reserved…). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  return blocked.check(address, 'ipv6');
}

export type TargetRefusal = 'scheme' | 'private_address' | 'unresolvable';

export type AddressPolicy = { readonly allowPrivate: boolean };

/** The URL's scheme under the policy: https always; http only where private targets are allowed. */
export function schemeRefusal(url: URL, policy: AddressPolicy): TargetRefusal | null {
  if (url.protocol === 'https:') return null;
  return url.protocol === 'http:' && policy.allowPrivate ? null : 'scheme';
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Resolves every address of the name (the check is on all of them, not just the first). */
function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true }, (err, addresses) => (err ? reject(err) : resolve(addresses)));
  });
}

/** Why this URL may not be a webhook target, or null. Resolves the name. */
export async function targetRefusal(url: URL, policy: AddressPolicy): Promise<TargetRefusal | null> {
  const scheme = schemeRefusal(url, policy);
  if (scheme) return scheme;
  if (policy.allowPrivate) return null;
  const host = hostOf(url);
  if (isIP(host)) return isPrivateAddress(host) ? 'private_address' : null;
  try {
    const all = await resolveAll(host);
    if (all.length === 0) return 'unresolvable';
    return all.some(a => isPrivateAddress(a.address)) ? 'private_address' : null;
  } catch {
    return 'unresolvable';
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses private addresses, so the address connected
 * to is the one checked. Literal IPs in the URL do not go through lookup: the caller checks
 * those with targetRefusal first.
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (!policy.allowPrivate && addresses.some(a => isPrivateAddress(a.address))) {
        const refused: NodeJS.ErrnoException = new Error('refused_address');
        refused.code = 'ERR_WEBHOOK_REFUSED_ADDRESS';
        return callback(refused, []);
      }
      const first = addresses[0];
      if (!first) return callback(new Error('unresolvable'), []);
      if (options.all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}
