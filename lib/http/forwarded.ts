import { BlockList, isIP } from 'node:net'
import { config } from '@/lib/env'

/**
 * The one place that decides which proxy headers to believe. Every proxy we run appends
 * the address it received the request from to X-Forwarded-For, so only the entries on
 * the right were written by us; anything further left is whatever the client sent.
 * TRUSTED_PROXY_HOPS=N believes the N right-most entries and takes the N-th from the
 * right as the client; TRUSTED_PROXIES (CIDR list) skips right-most entries that are
 * our proxies' addresses and takes the first one that is not. TRUST_PROXY=true is one hop.
 */
type ProxyTrust = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'cidrs'; proxies: BlockList }

function blockListOf(cidrs: string[]): BlockList {
  const list = new BlockList()
  for (const cidr of cidrs) {
    const [address = '', prefix] = cidr.split('/')
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(address, family)
    else list.addSubnet(address, Number(prefix), family)
  }
  return list
}

function proxyTrust(): ProxyTrust {
  const { TRUSTED_PROXIES, TRUSTED_PROXY_HOPS, TRUST_PROXY } = config()
  if (TRUSTED_PROXIES.length > 0) return { kind: 'cidrs', proxies: blockListOf(TRUSTED_PROXIES) }
  const hops = TRUSTED_PROXY_HOPS ?? (TRUST_PROXY ? 1 : 0)
  return hops > 0 ? { kind: 'hops', hops } : { kind: 'none' }
}

/** Whether any proxy headers are believed at all. */
export function behindTrustedProxy(): boolean {
  return proxyTrust().kind !== 'none'
}

const listOf = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4')

/** The caller's IP address for audit rows and rate limits, or null when no trusted proxy names it. */
export function clientIp(request: Request): string | null {
  const trust = proxyTrust()
  if (trust.kind === 'none') return null
  const hops = listOf(request.headers.get('x-forwarded-for'))
  if (trust.kind === 'hops') {
    const entry = hops[hops.length - trust.hops]
    return entry && isIP(entry) ? entry : null
  }
  for (let index = hops.length - 1; index >= 0; index--) {
    const entry = hops[index] ?? ''
    if (!isIP(entry)) return null
    if (!trust.proxies.check(entry, familyOf(entry))) return entry
  }
  return null
}

// Proxies set (not append) X-Forwarded-Host and -Proto; if one appends, ours is the right-most.
function lastForwarded(headers: Headers, name: string): string | undefined {
  if (!behindTrustedProxy()) return undefined
  return listOf(headers.get(name)).at(-1)
}

/** The public host (with port) the request was sent to: X-Forwarded-Host behind a trusted proxy, else Host. */
export function forwardedHost(headers: Headers): string | null {
  return lastForwarded(headers, 'x-forwarded-host') || headers.get('host')
}

/** Whether a trusted proxy says the client spoke https to it. */
export function forwardedHttps(headers: Headers): boolean {
  return lastForwarded(headers, 'x-forwarded-proto') === 'https'
}
