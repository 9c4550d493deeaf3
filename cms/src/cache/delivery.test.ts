import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PortalCacheDelivery } from './delivery';

type Received = { sequence: number; all: boolean; search: boolean; changes: { documentId: string; gone: boolean }[] };

const quiet = { info: () => undefined, warn: () => undefined };
const servers: Server[] = [];

/** A portal instance that records what it receives; `failFirst` answers 503 that many times. */
const portal = async (failFirst = 0): Promise<{ url: string; received: Received[]; secrets: string[] }> => {
  const received: Received[] = [];
  const secrets: string[] = [];
  let failures = failFirst;
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      secrets.push(String(request.headers['x-portal-secret']));
      if (failures > 0) {
        failures -= 1;
        response.writeHead(503).end();
        return;
      }
      received.push(JSON.parse(body) as Received);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, secrets };
};

const until = async (check: () => boolean): Promise<void> => {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 5000) throw new Error('not delivered');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('PortalCacheDelivery', () => {
  it('tells every instance, with the shared secret, numbering the messages', async () => {
    const [a, b] = [await portal(), await portal()];
    const delivery = new PortalCacheDelivery([a.url, `${b.url}/`], { secret: 's3cret', log: quiet });
    await delivery.send({ all: true });
    await delivery.send({ changes: [{ type: 'practice-cards', documentId: 'c1', gone: true }] });
    for (const instance of [a, b]) {
      expect(instance.received.map((message) => message.sequence)).toEqual([1, 2]);
      expect(instance.received[0]?.all).toBe(true);
      expect(instance.received[1]?.changes).toEqual([{ type: 'practice-cards', documentId: 'c1', gone: true }]);
      expect(instance.secrets).toEqual(['s3cret', 's3cret']);
    }
  });

  it('retries an unreachable instance with the same number, carrying what came meanwhile', async () => {
    const flaky = await portal(2);
    const delivery = new PortalCacheDelivery([flaky.url], { secret: 's', log: quiet, maxRetryMs: 50 });
    // The caller is not held while the instance fails.
    await delivery.send({ changes: [{ type: 'organisations', documentId: 'o1', gone: false }] });
    await delivery.send({ search: true, changes: [{ type: 'organisations', documentId: 'o1', gone: true }] });
    await until(() => flaky.received.length > 0);
    expect(flaky.received).toEqual([
      {
        source: delivery.source,
        sequence: 1,
        all: false,
        search: true,
        changes: [{ type: 'organisations', documentId: 'o1', gone: true }],
      },
    ]);
  });

  it('tries an instance in backoff at once when there is news: a restarted portal hears of it', async () => {
    const later = await portal();
    const { url } = later;
    await new Promise((resolve) => servers[servers.length - 1]?.close(resolve));
    const delivery = new PortalCacheDelivery([url], { secret: 's', log: quiet, maxRetryMs: 60_000 });
    await delivery.send({ all: true });
    // The instance comes back on the same port; the next change reaches it without waiting a minute.
    const port = Number(new URL(url).port);
    const back = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        later.received.push(JSON.parse(body) as Received);
        response.writeHead(200).end('{}');
      });
    });
    servers.push(back);
    await new Promise<void>((resolve) => back.listen(port, '127.0.0.1', resolve));
    const started = performance.now();
    await delivery.send({ changes: [{ type: 'practice-cards', documentId: 'c9', gone: false }] });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(later.received).toMatchObject([{ sequence: 1, all: true, changes: [{ documentId: 'c9' }] }]);
  });

  it('says "all" instead of a list too long to be worth sending, keeping the withdrawn', async () => {
    const slow = await portal(1);
    const delivery = new PortalCacheDelivery([slow.url], { secret: 's', log: quiet, maxRetryMs: 20 });
    void delivery.send({ changes: [{ type: 'x', documentId: 'gone', gone: true }] });
    await delivery.send({
      changes: Array.from({ length: 2500 }, (_, index) => ({ type: 'x', documentId: `d${index}`, gone: false })),
    });
    await until(() => slow.received.length > 0);
    expect(slow.received[0]?.all).toBe(true);
    expect(slow.received[0]?.changes).toEqual([{ type: 'x', documentId: 'gone', gone: true }]);
  });
});
