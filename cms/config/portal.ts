import { cmsSettings } from '../src/settings';

/** The portal instances as the CMS reaches them (cache invalidations) and the secret shared with them. */
export default () => cmsSettings().portal;
