import { buildIfStale, cmsBuild, portalBuild } from './builds.ts';
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
  for (const target of [cmsBuild, portalBuild]) {
    const startedAt = performance.now();
    if (await buildIfStale(target, settings.env)) {
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
export const startStack = async (settings: StackSettings): Promise<Stack> => {
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
