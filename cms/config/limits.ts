import { cmsSettings } from '../src/settings';

/**
 * Limits that hold across every CMS instance (their counters are in the database), keyed on the
 * client's address as `TRUSTED_PROXIES` lets the CMS see it.
 */
export default () => cmsSettings().limits;
