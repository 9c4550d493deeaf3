import { AsyncLocalStorage } from 'node:async_hooks';
import { BlockList, isIP } from 'node:net';

/**
 * The visitor's address as the portal's limits count it. By default it is the socket's peer; an
 * X-Forwarded-For header is believed hop by hop from the right only while the hop that wrote it
 * is listed in TRUSTED_PROXIES, so nobody picks a fresh address per request. (The CMS applies
 * the same rule in its own `client-address.ts`; neither app may import the other.)
 */

/** `::ffff:192.0.2.1` is 192.0.2.1; `[2001:db8::1]:443` and `192.0.2.1:8080` lose the port. */
export const normaliseAddress = (value: string): string => {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
};

/** Addresses and CIDR ranges, comma-separated; a wrong entry stops the start with its name. */
export const trustedProxyList = (setting: string | undefined): BlockList => {
  const list = new BlockList();
  for (const raw of (setting ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)) {
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

export const clientAddress = (
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: BlockList,
): string => {
  const chain = [forwardedFor ?? []]
    .flat()
    .flatMap((value) => value.split(','))
    .map(normaliseAddress)
    .filter(Boolean);
  let client = normaliseAddress(socketAddress ?? '');
  for (let index = chain.length - 1; index >= 0 && isTrusted(trustedProxies, client); index -= 1) {
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

type Visitor = { address: string };

// One store for the server (portal/server.ts) and the built pages, which bundle their own copy of this module.
const STORE = Symbol.for('coop.portal.visitor');
const store = ((globalThis as Record<symbol, unknown>)[STORE] ??=
  new AsyncLocalStorage<Visitor>()) as AsyncLocalStorage<Visitor>;

/** Runs the handling of one request with its visitor's address known to every page and endpoint. */
export const withVisitor = <T>(address: string, handle: () => T): T => store.run({ address }, handle);

let warned = false;

/**
 * The visitor of the request being handled. Outside `portal/server.ts` (e.g. `astro dev`) the
 * socket address is out of reach and X-Forwarded-For could be anyone's: every visitor then
 * counts as one, so that no limit can be dodged.
 */
export const visitorAddress = (): string => {
  const visitor = store.getStore();
  if (visitor) return visitor.address;
  if (!warned) {
    console.warn('[portal] avviato senza portal/server.ts: i limiti contano tutti i visitatori come uno solo');
    warned = true;
  }
  return 'portale';
};
