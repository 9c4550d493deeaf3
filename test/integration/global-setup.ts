import { rmSync } from 'node:fs';
import { loadEnv } from '../stack/env-file.ts';
import { prepareSeededTemplate } from '../stack/seeded-template.ts';
import { resolveSettings } from '../stack/settings.ts';
import { buildStack } from '../stack/stack.ts';

/**
 * Builds the CMS admin and the portal once, only if their sources changed since the last build,
 * then seeds the demo system the suites start from (see `stack/seeded-template.ts`).
 */
export default async function setup(): Promise<() => void> {
  await buildStack(resolveSettings(loadEnv('/dev/null')));
  const template = await prepareSeededTemplate();
  return () => rmSync(template, { recursive: true, force: true });
}
