import { connect, createServer, type Socket } from 'node:net';

export type DelayProxy = {
  port: number;
  /** How long each new connection waits before it is passed on; changeable at any time. */
  delayMs: number;
  /** Connections waiting out their delay right now. */
  readonly waiting: number;
  /** Connections passed on to the target and closed since. */
  readonly completed: number;
  close: () => Promise<void>;
};

/**
 * A TCP relay that holds each new connection for `delayMs` before joining it to the target: a slow
 * network in front of a real server (here MailDev), so a test can crash a client in the middle of a
 * conversation. A connection its client drops while it waits never reaches the target.
 */
export const startDelayProxy = async (target: { host: string; port: number }): Promise<DelayProxy> => {
  let waiting = 0;
  let completed = 0;
  const sockets = new Set<Socket>();
  const state = { delayMs: 0 };

  const server = createServer((client) => {
    sockets.add(client);
    client.pause();
    waiting += 1;
    let dropped = false;
    client.once('close', () => {
      sockets.delete(client);
      dropped = true;
    });
    client.on('error', () => undefined);
    setTimeout(() => {
      waiting -= 1;
      if (dropped) return;
      const upstream = connect(target.port, target.host);
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      upstream.once('close', () => {
        sockets.delete(upstream);
        completed += 1;
        client.destroy();
      });
      client.once('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    }, state.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('delay proxy has no port');

  return {
    port: address.port,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    get waiting() {
      return waiting;
    },
    get completed() {
      return completed;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
