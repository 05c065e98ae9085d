import { isIP } from 'node:net';
import { FeedError } from './errors';

/**
 * SSRF guard: pure decisions about which addresses a feed fetch may reach.
 *
 * Feeds are public web content, so anything that is not a globally routable unicast address is
 * refused: a feed URL (or a redirect, or a DNS answer) pointing at 127.0.0.1, the cloud metadata
 * service on 169.254.169.254 or a 10.x office network is an attack or a mistake, never a feed.
 */

/** Why an address is refused, in words an admin understands. */
export type BlockReason =
  | 'not an IP address'
  | 'unspecified'
  | 'loopback'
  | 'private network'
  | 'carrier-grade NAT'
  | 'link-local'
  | 'multicast'
  | 'broadcast'
  | 'documentation or benchmarking'
  | 'reserved'
  | 'IPv4 embedded in IPv6'
  | 'unique local (private IPv6)';

interface V4Rule {
  base: number;
  bits: number;
  reason: BlockReason;
}

function v4(cidr: string, reason: BlockReason): V4Rule {
  const [addr, bits] = cidr.split('/');
  const octets = parseIPv4(addr ?? '');
  if (!octets) throw new Error(`bad rule ${cidr}`);
  return { base: toUint32(octets), bits: Number(bits), reason };
}

// Special-purpose IPv4 ranges (IANA IPv4 Special-Purpose Address Registry) that are not public unicast.
const V4_RULES: readonly V4Rule[] = [
  v4('0.0.0.0/8', 'unspecified'),
  v4('10.0.0.0/8', 'private network'),
  v4('100.64.0.0/10', 'carrier-grade NAT'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local'),
  v4('172.16.0.0/12', 'private network'),
  v4('192.0.0.0/24', 'reserved'),
  v4('192.0.2.0/24', 'documentation or benchmarking'),
  v4('192.88.99.0/24', 'reserved'),
  v4('192.168.0.0/16', 'private network'),
  v4('198.18.0.0/15', 'documentation or benchmarking'),
  v4('198.51.100.0/24', 'documentation or benchmarking'),
  v4('203.0.113.0/24', 'documentation or benchmarking'),
  v4('224.0.0.0/4', 'multicast'),
  v4('255.255.255.255/32', 'broadcast'),
  v4('240.0.0.0/4', 'reserved'),
];

interface V6Rule {
  base: bigint;
  bits: number;
  reason: BlockReason;
}

function v6(cidr: string, reason: BlockReason): V6Rule {
  const [addr, bits] = cidr.split('/');
  const value = parseIPv6(addr ?? '');
  if (value === undefined) throw new Error(`bad rule ${cidr}`);
  return { base: value, bits: Number(bits), reason };
}

// Checked in order; the first match wins so the more specific reasons come first.
// Every IPv4-in-IPv6 form is refused outright (the issue asks for it, and no public feed host
// publishes such an AAAA record), which also closes ::ffff:127.0.0.1-style bypasses.
const V6_RULES: readonly V6Rule[] = [
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('::ffff:0:0/96', 'IPv4 embedded in IPv6'), // IPv4-mapped
  v6('::ffff:0:0:0/96', 'IPv4 embedded in IPv6'), // IPv4-translated (SIIT)
  v6('::/96', 'IPv4 embedded in IPv6'), // IPv4-compatible (deprecated)
  v6('64:ff9b::/96', 'IPv4 embedded in IPv6'), // NAT64 well-known prefix
  v6('64:ff9b:1::/48', 'IPv4 embedded in IPv6'), // NAT64 local-use prefix
  v6('2002::/16', 'IPv4 embedded in IPv6'), // 6to4
  v6('2001::/32', 'IPv4 embedded in IPv6'), // Teredo
  v6('2001:db8::/32', 'documentation or benchmarking'),
  v6('3fff::/20', 'documentation or benchmarking'),
  v6('2001::/23', 'reserved'), // IETF protocol assignments
  v6('fc00::/7', 'unique local (private IPv6)'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'private network'), // deprecated site-local
  v6('ff00::/8', 'multicast'),
];

/** Only global unicast (2000::/3) is ever public; everything else in IPv6 space is reserved or special. */
const V6_GLOBAL_UNICAST = v6('2000::/3', 'reserved');

/** Dotted-quad decimal IPv4 (the canonical form WHATWG URL and DNS produce), else undefined. */
export function parseIPv4(text: string): [number, number, number, number] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const octets = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  if (octets.some((o) => !(o >= 0 && o <= 255))) return undefined;
  return octets as [number, number, number, number];
}

function toUint32(o: readonly number[]): number {
  return ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0;
}

/** An IPv6 address (with optional embedded IPv4 tail and zone id) as a 128-bit integer, else undefined. */
export function parseIPv6(text: string): bigint | undefined {
  let s = text.replace(/^\[|\]$/g, '');
  const zone = s.indexOf('%');
  if (zone !== -1) s = s.slice(0, zone);
  if (!isIP(s) || !s.includes(':')) return undefined;

  // Replace an embedded dotted IPv4 tail with two hex groups so only one grammar remains.
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    const o = parseIPv4(tail);
    if (!o) return undefined;
    s = `${s.slice(0, lastColon + 1)}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }

  const [head, rest] = s.split('::') as [string, string | undefined];
  const headGroups = head ? head.split(':') : [];
  const restGroups = rest ? rest.split(':') : [];
  const missing = 8 - headGroups.length - restGroups.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...headGroups, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...restGroups];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(parseInt(g, 16));
  return value;
}

function inV6(value: bigint, rule: V6Rule): boolean {
  const shift = BigInt(128 - rule.bits);
  return value >> shift === rule.base >> shift;
}

/**
 * Why this IP address must not be fetched, or undefined when it is public.
 * Anything that is not a valid IP literal is refused ("fail closed").
 */
export function blockedReason(ip: string): BlockReason | undefined {
  const bare = ip.replace(/^\[|\]$/g, '');
  const octets = parseIPv4(bare);
  if (octets) {
    const value = toUint32(octets);
    for (const rule of V4_RULES) {
      const mask = rule.bits === 0 ? 0 : (~0 << (32 - rule.bits)) >>> 0;
      if ((value & mask) >>> 0 === (rule.base & mask) >>> 0) return rule.reason;
    }
    return undefined;
  }
  const value = parseIPv6(bare);
  if (value === undefined) return 'not an IP address';
  for (const rule of V6_RULES) if (inV6(value, rule)) return rule.reason;
  return inV6(value, V6_GLOBAL_UNICAST) ? undefined : 'reserved';
}

export function isBlockedAddress(ip: string): boolean {
  return blockedReason(ip) !== undefined;
}

/** The URL's host as an IP literal (brackets removed), or undefined when it is a DNS name. */
export function hostIpLiteral(url: URL): string | undefined {
  const bare = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(bare) ? bare : undefined;
}

/** Port the URL will connect to, filling in the scheme's default. */
export function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** "host:port" in the form allow-list entries use: lower-case host, IPv6 in brackets. */
export function hostPortKey(hostname: string, port: number): string {
  const bare = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return `${isIP(bare) === 6 ? `[${bare}]` : bare}:${port}`;
}

/** Normalises FEED_ALLOW_HOSTS-style entries so "LOCALHOST:80" and "[::1]:8080" compare exactly. */
export function normaliseAllowHosts(entries: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const raw of entries) {
    const m = /^\s*(\[[^\]]+\]|[^\s:/[\]]+):(\d{1,5})\s*$/.exec(raw);
    if (!m) throw new Error(`allowHosts entry "${raw}" must be host:port, e.g. 127.0.0.1:8080`);
    out.add(hostPortKey(m[1]!, Number(m[2])));
  }
  return out;
}

/**
 * Parses a feed address, refusing anything but http(s) without credentials.
 * WHATWG URL parsing already turns encoded IPv4 hosts (2130706433, 0x7f.1, 0177.0.0.1, 127.1)
 * into dotted decimal and compresses IPv6, so the guard only ever sees canonical literals.
 */
export function parseFeedUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch (cause) {
    throw new FeedError('bad-url', `"${raw}" is not a valid web address. Enter the full feed address, starting with https://.`, { url: raw }, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedError(
      'bad-url',
      `"${raw}" uses ${url.protocol} but only http:// and https:// feeds can be fetched. Use the feed's web address instead.`,
      { url: raw },
    );
  }
  if (url.username || url.password) {
    throw new FeedError('bad-url', `"${url.origin}…" contains a user name or password; Schoolwatch only reads public feeds. Remove the credentials from the address.`, { url: url.origin });
  }
  if (!url.hostname) throw new FeedError('bad-url', `"${raw}" has no host name. Enter the full feed address.`, { url: raw });
  return url;
}

/** Refuses an IP-literal URL whose address is blocked (DNS names are checked when they are resolved). */
export function assertUrlAddressAllowed(url: URL, allowHosts: ReadonlySet<string>): void {
  if (allowHosts.has(hostPortKey(url.hostname, effectivePort(url)))) return;
  const ip = hostIpLiteral(url);
  if (ip === undefined) return;
  const reason = blockedReason(ip);
  if (reason) throw blockedAddressError(url.href, ip, reason);
}

export function blockedAddressError(url: string, address: string, reason: BlockReason): FeedError {
  return new FeedError(
    'blocked-address',
    `Refused to fetch ${url}: it points at ${address}, a ${reason} address, and feeds must be on the public internet ` +
      '(this protects internal services). Use the feed\'s public address; for a local test feed server add its host:port to FEED_ALLOW_HOSTS.',
    { url },
  );
}
