import { resolveCmsSettings, type CmsSettings } from '@coop/vocabulary/cms-settings';
import { findRepoRoot, serviceEnvironment } from '@coop/vocabulary/settings-reader';

export type { CmsSettings };

let resolved: CmsSettings | undefined;

/**
 * The CMS's settings (the table is `@coop/vocabulary/cms-settings`), read once from the process
 * environment over the repository's `.env`. A bad value stops the start with a message naming it.
 */
export const cmsSettings = (): CmsSettings => {
  if (!resolved) {
    const repoRoot = findRepoRoot(process.cwd());
    resolved = resolveCmsSettings(serviceEnvironment(repoRoot), repoRoot);
  }
  return resolved;
};
