import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { refuseIfAny } from '../../../documents/validation-error';
import { limitRegistrationsPerClient, limitRegistrationsPerEmail } from '../../../registration/rate-limit';
import { checkRegistration, storeRegistration, type RegistrationInput } from '../../../registration/submit';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** The hidden field of the form: people leave it empty, spam robots fill it in. */
const HONEYPOT = 'homepage';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** "Richiedi le tue credenziali": the public form's endpoint. */
  async submit(ctx: Context) {
    await limitRegistrationsPerClient(strapi, ctx);
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
    // Checked above: the Responsabile's e-mail is a valid address by now.
    const email = input.responsabile?.email;
    await limitRegistrationsPerEmail(strapi, ctx, typeof email === 'string' ? email : '');
    const { documentId } = await storeRegistration(strapi, input, provinceId ?? '');
    ctx.status = 201;
    ctx.body = { data: { documentId, ...accepted } };
  },
});
