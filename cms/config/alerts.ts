import { cmsSettings } from '../src/settings';

/** E-mail alerts of new practices (see the table of settings in @coop/vocabulary/cms-settings). */
export default () => cmsSettings().alerts;
