import { buildIfStale, cmsBuild, portalBuild } from './builds.ts';
import { cmsEnv, portalEnv } from './child-env.ts';
import { isPortFree } from './free-port.ts';
import type { Service } from './process.ts';
import { startCms, startMaildev, startMeilisearch, startPortal } from './services.ts';
import type { StackSettings } from './settings.ts';

export type Stack = {
  services: Service[];
  stop: () => Promise<void>;
};

/**
 * Builds what is stale, one build at a time (the admin build alone peaks at 2 GB), and says what
 * it built through `report`.
 */
export const buildStack = async (settings: StackSettings, report: (line: string) => void = () => {}): Promise<void> => {
  for (const [target, env] of [
    [cmsBuild, cmsEnv(settings)],
    [portalBuild, portalEnv(settings)],
  ] as const) {
    const startedAt = performance.now();
    if (await buildIfStale(target, env)) {
      report(`build di ${target.name}: ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
    }
  }
};

const stopAll = async (services: Service[]): Promise<void> => {
  await Promise.all(services.map((service) => service.stop()));
};

/**
 * Starts the whole system: the embedded Meilisearch and SMTP catcher unless external ones are
 * configured, then the CMS, then the portal. If any part fails, the parts already started stop.
 */
/** The ports the launcher is about to listen on, each with the setting that moves it. */
const portsToOpen = (settings: StackSettings): { port: number; host: string; setting: string }[] => [
  ...(settings.meilisearch.embedded
    ? [{ port: settings.meilisearch.port, host: '127.0.0.1', setting: 'MEILI_PORT' }]
    : []),
  ...(settings.smtp.embedded
    ? [
        { port: settings.smtp.port, host: '127.0.0.1', setting: 'SMTP_PORT' },
        { port: Number(new URL(settings.smtp.inboxUrl ?? '').port), host: '127.0.0.1', setting: 'MAILDEV_WEB_PORT' },
      ]
    : []),
  { port: settings.cms.port, host: settings.cms.host, setting: 'CMS_PORT' },
  { port: settings.portal.port, host: settings.portal.host, setting: 'PORTAL_PORT' },
];

/** Refuses to start beside another copy: its services would answer the readiness checks. */
const requireFreePorts = async (settings: StackSettings): Promise<void> => {
  for (const { port, host, setting } of portsToOpen(settings)) {
    if (!(await isPortFree(port, host))) {
      throw new Error(
        `La porta ${port} è già in uso: la piattaforma è forse già avviata? Fermala, oppure cambia ${setting} in .env.`,
      );
    }
  }
};

export const startStack = async (settings: StackSettings): Promise<Stack> => {
  await requireFreePorts(settings);
  const services: Service[] = [];
  const startTogether = async (starting: Promise<Service>[]): Promise<void> => {
    const results = await Promise.allSettled(starting);
    for (const result of results) if (result.status === 'fulfilled') services.push(result.value);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  };

  try {
    await startTogether([
      ...(settings.meilisearch.embedded ? [startMeilisearch(settings)] : []),
      ...(settings.smtp.embedded ? [startMaildev(settings)] : []),
    ]);
    await startTogether([startCms(settings), startPortal(settings)]);
  } catch (error) {
    await stopAll(services);
    throw error;
  }

  return { services, stop: () => stopAll(services) };
};
