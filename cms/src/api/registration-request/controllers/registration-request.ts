import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { refuseIfAny } from '../../../documents/validation-error';
import { clientAddress } from '../../../registration/client-address';
import { createRateLimiter } from '../../../registration/rate-limit';
import { checkRegistration, storeRegistration, type RegistrationInput } from '../../../registration/submit';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** The hidden field of the form: people leave it empty, spam robots fill it in. */
const HONEYPOT = 'homepage';

const limiter = createRateLimiter(
  Number(process.env.REGISTRATION_RATE_LIMIT_MAX ?? 5),
  Number(process.env.REGISTRATION_RATE_LIMIT_MINUTES ?? 10) * 60_000,
);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** "Richiedi le tue credenziali": the public form's endpoint. */
  async submit(ctx: Context) {
    const portalSecret = String(strapi.config.get('portal.proxySecret') ?? '');
    const waitSeconds = limiter.hit(clientAddress(ctx.request as never, portalSecret));
    if (waitSeconds > 0) {
      throw new errors.RateLimitError(
        `Troppe richieste da questo indirizzo: riprovare tra ${Math.ceil(waitSeconds / 60)} minuti`,
      );
    }
    const body = (ctx.request as { body?: { data?: RegistrationInput & Record<string, unknown> } }).body;
    const input = body?.data;
    if (!input || typeof input !== 'object') throw new errors.ValidationError('Dati della richiesta mancanti');

    const accepted = {
      message:
        'Richiesta inviata. Abbiamo mandato una conferma al Responsabile indicato; le credenziali arriveranno dopo la verifica della rete.',
    };
    if (typeof input[HONEYPOT] === 'string' && input[HONEYPOT] !== '') {
      ctx.status = 201;
      ctx.body = { data: accepted };
      return;
    }

    const { errors: fieldErrors, provinceId } = await checkRegistration(strapi, input);
    refuseIfAny(fieldErrors);
    const { documentId } = await storeRegistration(strapi, input, provinceId ?? '');
    ctx.status = 201;
    ctx.body = { data: { documentId, ...accepted } };
  },
});
