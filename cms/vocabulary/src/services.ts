/**
 * Where each service listens by default: the one place these ports are written. The CMS, the
 * portal and the launcher all derive their default addresses from here.
 */
export const DEFAULT_HOST = '127.0.0.1';

export const DEFAULT_PORTS = {
  cms: 1337,
  portal: 4321,
  meilisearch: 7700,
  smtp: 1025,
  /** MailDev's inbox (web and REST API), embedded by `npm start`. */
  maildevWeb: 1080,
} as const;

/** The address other processes of this machine use for a service listening on `host`. */
export const localUrl = (host: string, port: number): string => {
  const reachable = host === '0.0.0.0' || host === '::' || host === '' ? DEFAULT_HOST : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
};
