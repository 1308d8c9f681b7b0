import { BlockList, isIP } from 'node:net'

/**
 * Where a webhook may be aimed. The rules are checked twice: when a subscription is saved (a
 * clear 422) and when a delivery is sent — for a hostname, on every address it resolves to, in
 * the `lookup` of the very connection (webhooks.send.ts), so DNS rebinding gains nothing.
 */

/** IPv4 ranges no webhook may reach: private, loopback, link-local, CGNAT, reserved ... */
const V4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
]
/** IPv6 ranges refused outright (the forms embedding an IPv4 address are decoded instead). */
const V6_BLOCKED: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['64:ff9b:1::', 48], // local-use NAT64
  ['2001::', 23], // IETF protocol assignments (Teredo included)
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local (fd00:ec2::254, AWS metadata, included)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
]

const v4 = new BlockList()
for (const [net, bits] of V4_BLOCKED) v4.addSubnet(net, bits, 'ipv4')
const v6 = new BlockList()
for (const [net, bits] of V6_BLOCKED) v6.addSubnet(net, bits, 'ipv6')

/** Host names refused whatever they resolve to (metadata services, the local machine). */
const BLOCKED_NAMES = new Set([
  'localhost',
  'metadata',
  'metadata.google.internal',
  'instance-data',
])
const BLOCKED_SUFFIXES = ['.localhost', '.internal', '.local', '.localdomain']

/** The 16 bytes of an IPv6 address (`net.isIP(a) === 6` already checked). */
function v6Bytes(address: string): number[] {
  let a = address.toLowerCase().split('%')[0]!
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(a)
  if (dotted) {
    const [p, q, r, s] = dotted[1]!.split('.').map(Number) as [number, number, number, number]
    a = `${a.slice(0, -dotted[1]!.length)}${((p << 8) | q).toString(16)}:${((r << 8) | s).toString(16)}`
  }
  const [head, tail] = a.includes('::') ? a.split('::') : [a, undefined]
  const h = head ? head.split(':') : []
  const t = tail ? tail.split(':') : []
  const groups =
    tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t]
  return groups.flatMap((g) => {
    const n = parseInt(g || '0', 16)
    return [n >> 8, n & 0xff]
  })
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
function embeddedV4(b: number[]): string | null {
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0)
  const quad = (i: number) => b.slice(i, i + 4).join('.')
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return quad(12) // ::ffff:a.b.c.d
  if (zero(0, 12) && !zero(12, 14)) return quad(12) // ::a.b.c.d (deprecated "compatible")
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return quad(12) // 64:ff9b::/96 NAT64
  if (b[0] === 0x20 && b[1] === 0x02) return quad(2) // 2002::/16 6to4
  return null
}

/** Why an IP address may not be reached, or null when it may. */
export function blockedAddress(address: string): string | null {
  const family = isIP(address)
  if (family === 4) return v4.check(address, 'ipv4') ? `${address} is a non-public address` : null
  if (family !== 6) return `${address} is not an IP address`
  const bytes = v6Bytes(address)
  const inner = embeddedV4(bytes)
  if (inner && v4.check(inner, 'ipv4')) return `${address} embeds the non-public address ${inner}`
  const canonical = Array.from({ length: 8 }, (_, i) =>
    ((bytes[2 * i]! << 8) | bytes[2 * i + 1]!).toString(16),
  ).join(':')
  return v6.check(canonical, 'ipv6') ? `${address} is a non-public address` : null
}

/** The hosts allowed plain http (and exempt from the address check), normalised like URLs. */
export function parseAllowedHosts(list: string): Set<string> {
  const out = new Set<string>()
  for (const raw of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    try {
      out.add(new URL(`http://${raw}`).hostname)
    } catch {
      /* not a host: ignored, it can never match */
    }
  }
  return out
}

export interface CheckedTarget {
  url: URL
  /** True for a host named in WEBHOOK_ALLOW_HTTP_HOSTS: no address check at connect time. */
  allowed: boolean
}

/**
 * Checks a webhook URL before anything is sent: https (http only for allowed hosts), no
 * credentials, no refused names, and an IP literal — in any form the URL parser normalises:
 * decimal `2130706433`, octal `0177.0.0.1`, hex `0x7f.0.0.1`, short `127.1` — is checked as the
 * address it is. Returns the reason as a message on failure.
 */
export function checkTarget(
  raw: string,
  allowedHosts: ReadonlySet<string>,
): CheckedTarget | { error: string } {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { error: 'is not a valid URL' }
  }
  const host = url.hostname.toLowerCase()
  const allowed = allowedHosts.has(host)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed))
    return { error: 'must use https (plain http only for hosts allowed in the configuration)' }
  if (url.username || url.password) return { error: 'must not carry credentials' }
  if (allowed) return { url, allowed }
  const bare = host.startsWith('[') ? host.slice(1, -1) : host.replace(/\.$/, '')
  if (isIP(bare)) {
    const why = blockedAddress(bare)
    return why ? { error: `must not point at a non-public address (${why})` } : { url, allowed }
  }
  if (BLOCKED_NAMES.has(bare) || BLOCKED_SUFFIXES.some((s) => bare.endsWith(s)))
    return { error: `must not point at a local or metadata host (${bare})` }
  if (!bare.includes('.')) return { error: 'must name a fully qualified host' }
  return { url, allowed }
}
