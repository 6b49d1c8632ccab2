import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where webhooks may point. Only http(s), no credentials in the URL, and — unless WEBHOOK_ALLOW_PRIVATE_TARGETS —
 * no loopback, private, link-local or otherwise internal address: a webhook must not become a way to make the
 * server call into its own network (SSRF). The name is checked when the webhook is made, and every address it
 * resolves to is checked again at each delivery (a name can be pointed elsewhere later: DNS rebinding).
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) INTERNAL.addSubnet(network, prefix, 'ipv6');

const INTERNAL_NAME = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isInternalAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return true;
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a webhook URL is refused (the message of the 400 on body.url), or null when it may be used. */
export function findUrlProblem(raw: string, allowPrivateTargets: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http:// or https:// URL / 须为 http:// 或 https:// 开头的完整地址';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http:// or https:// URL / 仅支持 http:// 或 https://';
  if (url.username || url.password) return 'must not hold a user name or password / 地址中不能包含用户名或密码';
  if (allowPrivateTargets) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) ? isInternalAddress(host) : INTERNAL_NAME.test(host) || !host.includes('.')) {
    return 'must be a public address, not loopback or a private network / 须为公网地址，不能是本机或内网地址';
  }
  return null;
}

/** A `lookup` for http(s).request that refuses names resolving to internal addresses (unless allowed). */
export function guardedLookup(allowPrivateTargets: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = allowPrivateTargets ? undefined : addresses.find((entry) => isInternalAddress(entry.address));
      if (refused) return callback(Object.assign(new Error(`refused: ${hostname} resolves to the internal address ${refused.address}`), { code: 'EADDRNOTALLOWED' }), '', 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      return callback(null, first!.address, first!.family);
    });
  };
}
