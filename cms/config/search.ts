import { cmsSettings } from '../src/settings';

/** Meilisearch (master key: the CMS manages the indexes) and how queued index updates are retried. */
export default () => cmsSettings().search;
