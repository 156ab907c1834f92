import { lookup } from 'node:dns/promises'
import { isIPv4, isIPv6 } from 'node:net'
import { QuireError } from '../domain/errors.js'

/** An address a fetch may connect to, checked: what the socket is pinned to. */
export type CheckedAddress = Readonly<{ address: string; family: 4 | 6 }>

/** How a host name is resolved; `dns.lookup` with every address, or a test's stand-in. */
export type ResolveHost = (hostname: string) => Promise<ReadonlyArray<Readonly<{ address: string; family: number }>>>

const resolveWithDns: ResolveHost = (hostname) => lookup(hostname, { all: true, verbatim: true })

// IPv4 ranges no import may reach unless the operator allows it (RFC 6890's special-purpose
// registry, the parts that lead inside a network): [first octets as a number, prefix length].
const IPV4_REFUSED: ReadonlyArray<readonly [string, number, string]> = [
  ['0.0.0.0', 8, 'an unspecified ("this network") address'],
  ['10.0.0.0', 8, 'a private (RFC 1918) address'],
  ['100.64.0.0', 10, 'a shared (carrier-grade NAT) address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address'],
  ['172.16.0.0', 12, 'a private (RFC 1918) address'],
  ['192.168.0.0', 16, 'a private (RFC 1918) address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['240.0.0.0', 4, 'a reserved or broadcast address'],
]

function ipv4Number(address: string): number {
  return address.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0)
}

function refusedIPv4(address: string): string | undefined {
  const value = ipv4Number(address)
  for (const [base, bits, reason] of IPV4_REFUSED) {
    const size = 2 ** (32 - bits)
    if (Math.floor(value / size) === Math.floor(ipv4Number(base) / size)) return reason
  }
  return undefined
}

/** The eight 16-bit groups of an IPv6 address ("::ffff:127.0.0.1" included), or undefined. */
export function ipv6Groups(address: string): number[] | undefined {
  if (!isIPv6(address)) return undefined
  let text = address.replace(/%.*$/u, '')
  const tail = /(\d+\.\d+\.\d+\.\d+)$/u.exec(text)?.[1]
  if (tail !== undefined) {
    const value = ipv4Number(tail)
    text = `${text.slice(0, -tail.length)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`
  }
  const [head = '', rest] = text.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = rest === undefined || rest === '' ? [] : rest.split(':')
  const fill = rest === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0')
  const groups = [...left, ...fill, ...right].map((group) => parseInt(group, 16))
  return groups.length === 8 ? groups : undefined
}

function refusedIPv6(address: string): string | undefined {
  const groups = ipv6Groups(address)
  if (groups === undefined) return 'an address that cannot be read'
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = groups
  const zeroes = a === 0 && b === 0 && c === 0 && d === 0 && e === 0
  const embedded = `${String(g >> 8)}.${String(g & 0xff)}.${String(h >> 8)}.${String(h & 0xff)}`
  if (zeroes && f === 0 && g === 0 && h === 0) return 'an unspecified address'
  if (zeroes && f === 0 && g === 0 && h === 1) return 'a loopback address'
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses reach IPv4 hosts;
  // so does NAT64's well-known prefix (64:ff9b::/96).
  const isNat64 = a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0
  if ((zeroes && (f === 0xffff || f === 0)) || isNat64) {
    const reason = refusedIPv4(embedded)
    return reason === undefined ? undefined : `${reason} (as ${embedded})`
  }
  if ((a & 0xfe00) === 0xfc00) return 'a unique local (private, fc00::/7) address'
  if ((a & 0xffc0) === 0xfe80) return 'a link-local address'
  if ((a & 0xffc0) === 0xfec0) return 'a site-local address'
  if ((a & 0xff00) === 0xff00) return 'a multicast address'
  return undefined
}

/** Why an import may not connect to `address` unless allowed, or undefined when it may. */
export function refusedAddress(address: string): string | undefined {
  if (isIPv4(address)) return refusedIPv4(address)
  if (isIPv6(address)) return refusedIPv6(address)
  return 'not an IP address'
}

export type GuardOptions = Readonly<{ allowPrivate: boolean; resolve?: ResolveHost }>

/**
 * The address to connect to for `url`: its host resolved once (every address it has), refused
 * with QUIRE_FETCH_REFUSED when it is not http(s) or any address is loopback, private,
 * link-local, unspecified or multicast, unless the operator allows those. The caller connects
 * to the address returned, never resolving again, so an answer that changes between the check
 * and the connection (DNS rebinding) cannot reach past the check.
 */
export async function checkAddress(url: URL, options: GuardOptions): Promise<CheckedAddress> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new QuireError('QUIRE_FETCH_REFUSED', `${url.href}: only http and https addresses are fetched, not ${url.protocol}`)
  }
  // The URL parser already wrote "2130706433" and "0x7f.1" as "127.0.0.1"; IPv6 comes bracketed.
  const host = url.hostname.replace(/^\[|\]$/gu, '')
  const literal = isIPv4(host) || isIPv6(host)
  let found: ReadonlyArray<Readonly<{ address: string; family: number }>>
  try {
    found = literal ? [{ address: host, family: isIPv4(host) ? 4 : 6 }] : await (options.resolve ?? resolveWithDns)(host)
  } catch (error) {
    throw new QuireError('QUIRE_FETCH_FAILED', `${url.href}: cannot resolve ${host}: ${String(error)}`, { cause: error })
  }
  const [first] = found
  if (first === undefined) throw new QuireError('QUIRE_FETCH_FAILED', `${url.href}: ${host} has no address`)
  if (!options.allowPrivate) {
    for (const { address } of found) {
      const reason = refusedAddress(address)
      if (reason === undefined) continue
      const via = literal ? ' is' : ` resolves to ${address}, which is`
      throw new QuireError(
        'QUIRE_FETCH_REFUSED',
        `${url.href}: ${host}${via} ${reason}; fetching it needs --allow-private-addresses or QUIRE_FETCH_ALLOW_PRIVATE=1`,
      )
    }
  }
  return { address: first.address, family: first.family === 6 ? 6 : 4 }
}
