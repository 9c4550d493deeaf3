import { loadEnv } from '../stack/env-file.ts';
import { resolveSettings } from '../stack/settings.ts';
import { buildStack } from '../stack/stack.ts';

/** Builds the CMS admin and the portal once, only if their sources changed since the last build. */
export default async function setup(): Promise<void> {
  await buildStack(resolveSettings(loadEnv('/dev/null')));
}
