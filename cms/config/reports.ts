import { cmsSettings } from '../src/settings';

/** LibreOffice, the conversions' time limit, the PDF/A level and the anonymous render queue. */
export default () => cmsSettings().reports;
