import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

export const PORTAL_SECRET_HEADER = 'x-portal-secret';

export type ClientAddressSettings = {
  /** Shared with the portal, which forwards its visitors' requests with their address. */
  portalSecret: string;
  /** The reverse proxies whose X-Forwarded-For is believed. */
  trustedProxies: BlockList;
};

type Request = { socketAddress: string | undefined; headers: Record<string, string | string[] | undefined> };

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const headerValues = (request: Request, name: string): string[] =>
  [request.headers[name]].flat().filter((value): value is string => typeof value === 'string');

/** `::ffff:192.0.2.1` is 192.0.2.1; `[2001:db8::1]:443` and `192.0.2.1:8080` lose the port. */
export const normaliseAddress = (value: string): string => {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
};

/**
 * The `TRUSTED_PROXIES` setting: addresses and CIDR ranges, IPv4 or IPv6, comma-separated.
 * A wrong entry stops the start with its name rather than being silently ignored.
 */
export const trustedProxyList = (entries: readonly string[]): BlockList => {
  const list = new BlockList();
  for (const raw of entries.map((entry) => entry.trim()).filter(Boolean)) {
    const [address = '', prefix] = raw.split('/');
    const normalised = normaliseAddress(address);
    const family = isIP(normalised);
    if (family === 0) throw new Error(`TRUSTED_PROXIES: "${raw}" non è un indirizzo IP né un intervallo CIDR`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      list.addAddress(normalised, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) {
      throw new Error(`TRUSTED_PROXIES: "${raw}" ha un prefisso non valido`);
    }
    list.addSubnet(normalised, bits, type);
  }
  return list;
};

const isTrusted = (list: BlockList, address: string): boolean => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

/**
 * The address a request comes from, for the limits. By default it is the socket's peer: an
 * X-Forwarded-For header is believed only hop by hop from the right, for as long as the hop
 * that wrote it is a trusted proxy, so nobody picks a fresh address per request. The portal,
 * which forwards its visitors' requests, proves itself with the shared secret and names the
 * visitor as the first address.
 */
export const clientAddress = (request: Request, settings: ClientAddressSettings): string => {
  const peer = normaliseAddress(request.socketAddress ?? '');
  const chain = headerValues(request, 'x-forwarded-for')
    .flatMap((value) => value.split(','))
    .map(normaliseAddress)
    .filter(Boolean);
  const secret = headerValues(request, PORTAL_SECRET_HEADER)[0] ?? '';
  if (settings.portalSecret !== '' && sameSecret(secret, settings.portalSecret)) {
    const visitor = chain[0];
    if (visitor && isIP(visitor) !== 0) return visitor;
  }
  let client = peer;
  for (let index = chain.length - 1; index >= 0 && isTrusted(settings.trustedProxies, client); index -= 1) {
    const hop = chain[index] ?? '';
    if (isIP(hop) === 0) break;
    client = hop;
  }
  return client || 'sconosciuto';
};

/**
 * What a limit counts: the address itself for IPv4, its /64 network for IPv6 (one subscriber
 * usually holds a whole /64 and could take a new address per request).
 */
export const limitKey = (address: string): string => {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.padStart(4, '0'))
    .join(':')}::/64`;
};
