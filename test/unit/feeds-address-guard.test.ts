import { describe, expect, it } from 'vitest';
import {
  assertUrlAddressAllowed,
  blockedReason,
  hostIpLiteral,
  hostPortKey,
  isBlockedAddress,
  normaliseAllowHosts,
  parseFeedUrl,
  parseIPv6,
} from '../../lib/feeds/address-guard';
import { FeedError } from '../../lib/feeds/errors';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return (err as FeedError).code;
  }
}

describe('blockedReason: IPv4', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['10.0.0.1', 'private network'],
    ['172.16.0.1', 'private network'],
    ['172.31.255.255', 'private network'],
    ['192.168.1.1', 'private network'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'documentation or benchmarking'],
    ['198.18.0.1', 'documentation or benchmarking'],
  ])('%s is refused as %s', (ip, reason) => {
    expect(blockedReason(ip)).toBe(reason);
    expect(isBlockedAddress(ip)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '172.15.255.255', '151.101.1.140', '223.255.255.255'])(
    '%s is public',
    (ip) => {
      expect(blockedReason(ip)).toBeUndefined();
    },
  );
});

describe('blockedReason: IPv6', () => {
  it.each([
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'IPv4 embedded in IPv6'],
    ['::ffff:7f00:1', 'IPv4 embedded in IPv6'],
    ['::ffff:8.8.8.8', 'IPv4 embedded in IPv6'],
    ['::127.0.0.1', 'IPv4 embedded in IPv6'],
    ['::7f00:1', 'IPv4 embedded in IPv6'],
    ['64:ff9b::7f00:1', 'IPv4 embedded in IPv6'],
    ['64:ff9b::a9fe:a9fe', 'IPv4 embedded in IPv6'],
    ['2002:7f00:1::', 'IPv4 embedded in IPv6'],
    ['fc00::1', 'unique local (private IPv6)'],
    ['fd12:3456:789a::1', 'unique local (private IPv6)'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation or benchmarking'],
    ['100::1', 'reserved'],
    ['[::1]', 'loopback'],
  ])('%s is refused as %s', (ip, reason) => {
    expect(blockedReason(ip)).toBe(reason);
  });

  it.each(['2a00:1450:4009:80b::200e', '2606:4700::6810:85e5', '2001:4860:4860::8888'])('%s is public', (ip) => {
    expect(blockedReason(ip)).toBeUndefined();
  });

  it('parses compressed, full and IPv4-tailed forms to the same number', () => {
    expect(parseIPv6('::ffff:127.0.0.1')).toBe(parseIPv6('0:0:0:0:0:ffff:7f00:0001'));
    expect(parseIPv6('::1')).toBe(1n);
    expect(parseIPv6('not-an-ip')).toBeUndefined();
  });

  it('fails closed on anything that is not an IP literal', () => {
    expect(blockedReason('localhost')).toBe('not an IP address');
    expect(blockedReason('')).toBe('not an IP address');
    expect(blockedReason('1.2.3')).toBe('not an IP address');
  });
});

describe('URL host parsing relies on WHATWG normalisation of encoded IPs', () => {
  it.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://[0:0:0:0:0:0:0:1]/', '::1'],
    ['http://0xA9FEA9FE/', '169.254.169.254'],
  ])('%s is the literal %s and is refused', (raw, literal) => {
    const url = parseFeedUrl(raw);
    expect(hostIpLiteral(url)).toBe(literal);
    expect(codeOf(() => assertUrlAddressAllowed(url, new Set()))).toBe('blocked-address');
  });

  it('leaves DNS names for the resolver check', () => {
    const url = parseFeedUrl('https://News.Example/feed');
    expect(hostIpLiteral(url)).toBeUndefined();
    expect(codeOf(() => assertUrlAddressAllowed(url, new Set()))).toBeUndefined();
  });

  it.each(['file:///etc/passwd', 'gopher://127.0.0.1:70/', 'ftp://example.com/feed', 'javascript:alert(1)', 'data:text/xml,<rss/>', 'not a url', 'http://user:pw@example.com/feed'])(
    'refuses %s as a bad url',
    (raw) => {
      expect(codeOf(() => parseFeedUrl(raw))).toBe('bad-url');
    },
  );

  it('explains what to do in the message', () => {
    try {
      assertUrlAddressAllowed(parseFeedUrl('http://169.254.169.254/latest/meta-data/'), new Set());
      expect.unreachable();
    } catch (err) {
      expect((err as FeedError).message).toMatch(/169\.254\.169\.254.*link-local/);
      expect((err as FeedError).message).toMatch(/FEED_ALLOW_HOSTS/);
    }
  });
});

describe('allow-list', () => {
  it('matches host:port exactly after normalising case, brackets and default ports', () => {
    const allow = normaliseAllowHosts(['127.0.0.1:8123', 'LOCALHOST:9000', '[::1]:8080']);
    expect(allow).toEqual(new Set(['127.0.0.1:8123', 'localhost:9000', '[::1]:8080']));
    expect(hostPortKey('::1', 8080)).toBe('[::1]:8080');
    expect(codeOf(() => assertUrlAddressAllowed(parseFeedUrl('http://127.0.0.1:8123/feed'), allow))).toBeUndefined();
    // An encoded form of an allowed address is the same address, so it is allowed too.
    expect(codeOf(() => assertUrlAddressAllowed(parseFeedUrl('http://2130706433:8123/feed'), allow))).toBeUndefined();
    expect(codeOf(() => assertUrlAddressAllowed(parseFeedUrl('http://[::1]:8080/'), allow))).toBeUndefined();
    // Same host, another port: still guarded.
    expect(codeOf(() => assertUrlAddressAllowed(parseFeedUrl('http://127.0.0.1:8124/feed'), allow))).toBe('blocked-address');
    expect(codeOf(() => assertUrlAddressAllowed(parseFeedUrl('http://127.0.0.1/feed'), allow))).toBe('blocked-address');
  });

  it('rejects malformed entries', () => {
    expect(() => normaliseAllowHosts(['127.0.0.1'])).toThrow(/host:port/);
    expect(() => normaliseAllowHosts(['http://127.0.0.1:80'])).toThrow(/host:port/);
  });
});
