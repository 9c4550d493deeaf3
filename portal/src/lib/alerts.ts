/**
 * The e-mail alerts of new practices, as the CMS runs them: subscribe (the CMS e-mails a link to
 * confirm), confirm with that link's token, unsubscribe with the token of any alert e-mail.
 */
import { config } from './config.ts';
import { CmsUnavailableError } from './errors.ts';

const TIMEOUT_MS = 8_000;

export type AlertOutcome =
  | { accepted: true; message: string }
  | { accepted: false; status: number; message: string; fieldErrors: Record<string, string> };

type Answer = {
  error?: { message?: string; details?: { errors?: { path?: (string | number)[]; message?: string }[] } };
  data?: { message?: string };
};

const post = async (path: string, data: Record<string, unknown>, clientIp: string | null): Promise<AlertOutcome> => {
  const url = `${config().cmsUrl}/api${path}`;
  const secret = config().portalProxySecret;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        // The CMS limits requests per visitor: it believes the forwarded address only with the shared secret.
        ...(clientIp && secret ? { 'x-forwarded-for': clientIp, 'x-portal-secret': secret } : {}),
      },
      body: JSON.stringify({ data }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new CmsUnavailableError(`CMS not reachable at ${url}`, { cause: error });
  }
  const body = (await response.json().catch(() => ({}))) as Answer;
  if (response.ok) return { accepted: true, message: body.data?.message ?? 'Fatto.' };
  if (response.status >= 500) throw new CmsUnavailableError(`CMS answered ${response.status} for ${url}`);
  const fieldErrors: Record<string, string> = {};
  for (const error of body.error?.details?.errors ?? []) {
    const field = (error.path ?? []).join('.');
    if (field && error.message && !fieldErrors[field]) fieldErrors[field] = error.message;
  }
  return {
    accepted: false,
    status: response.status,
    message: body.error?.message ?? 'La richiesta non è stata accettata.',
    fieldErrors,
  };
};

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
