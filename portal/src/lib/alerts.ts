/**
 * The e-mail alerts of new practices, as the CMS runs them: subscribe (the CMS e-mails a link to
 * confirm), confirm with that link's token, unsubscribe with the token of any alert e-mail.
 */
import { postToCms, type PostOutcome } from './cms.ts';

export type AlertOutcome = PostOutcome;

const post = (path: string, data: Record<string, unknown>, clientIp: string | null): Promise<AlertOutcome> =>
  postToCms(path, data, clientIp, 'Fatto.');

export type AlertRequest = {
  email: string;
  areas: string[];
  regions: string[];
  privacyAccepted: boolean;
  homepage: string;
};

export const requestAlerts = (request: AlertRequest, clientIp: string | null): Promise<AlertOutcome> =>
  post('/alert-subscriptions', request, clientIp);

export const confirmAlerts = (token: string, clientIp: string | null): Promise<AlertOutcome> =>
  post('/alert-subscriptions/confirm', { token }, clientIp);

export const cancelAlerts = (token: string, clientIp: string | null): Promise<AlertOutcome> =>
  post('/alert-subscriptions/unsubscribe', { token }, clientIp);
