import { cmsSettings } from '../src/settings';

/**
 * The data controller the privacy notice names (GDPR art. 13) and how long the platform keeps
 * what it collects; the CMS enforces the periods and the portal's /privacy page states them.
 */
export default () => cmsSettings().privacy;
