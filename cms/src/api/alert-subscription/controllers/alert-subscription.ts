import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  checkSubscription,
  confirmSubscription,
  requestSubscription,
  unsubscribe,
  type SubscriptionInput,
} from '../../../alerts/subscriptions';
import { enforceLimit, requestClient } from '../../../limits/http';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** The same answer whether the address was new, waiting or already subscribed: nobody learns who is. */
const ACCEPTED =
  'Ti abbiamo inviato un’e-mail: apri il collegamento che contiene per confermare. Senza conferma non riceverai avvisi.';

const dataOf = <T>(ctx: Context): T => {
  const data = (ctx.request as { body?: { data?: unknown } }).body?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new errors.ValidationError('Dati mancanti');
  return data as T;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `POST /api/alert-subscriptions`: asks for alerts; a confirmation e-mail follows (double opt-in). */
  async subscribe(ctx: Context) {
    await enforceLimit(
      strapi,
      ctx,
      'alertSubscriptionPerClient',
      requestClient(strapi, ctx),
      'Troppe iscrizioni da questo indirizzo',
    );
    const input = dataOf<SubscriptionInput>(ctx);
    ctx.set('Cache-Control', 'no-store');
    // The hidden field of the form: people leave it empty, robots fill it in.
    if (typeof input.homepage === 'string' && input.homepage !== '') {
      ctx.status = 202;
      ctx.body = { data: { message: ACCEPTED } };
      return;
    }
    const wanted = await checkSubscription(strapi, input);
    // Each request e-mails the address: this stops anyone from flooding a mailbox from many places.
    await enforceLimit(
      strapi,
      ctx,
      'alertSubscriptionPerEmail',
      wanted.email,
      'Troppe richieste per questo indirizzo e-mail',
    );
    await requestSubscription(strapi, wanted);
    ctx.status = 202;
    ctx.body = { data: { message: ACCEPTED } };
  },

  /** `POST /api/alert-subscriptions/confirm` with the e-mail's token. */
  async confirm(ctx: Context) {
    await enforceLimit(
      strapi,
      ctx,
      'alertSubscriptionPerClient',
      requestClient(strapi, ctx),
      'Troppi tentativi da questo indirizzo',
    );
    const { token } = dataOf<{ token?: unknown }>(ctx);
    const { criteria } = await confirmSubscription(strapi, token);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: { message: `Iscrizione confermata: riceverai le nuove pratiche per ${criteria}.`, criteria } };
  },

  /** `POST /api/alert-subscriptions/unsubscribe` with the token of any alert e-mail: the address is deleted. */
  async unsubscribe(ctx: Context) {
    const { token } = dataOf<{ token?: unknown }>(ctx);
    const deleted = await unsubscribe(strapi, token);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data: {
        deleted,
        message: deleted
          ? 'Iscrizione cancellata: il tuo indirizzo è stato eliminato e non riceverai altri avvisi.'
          : 'Nessuna iscrizione per questo collegamento: era già stata cancellata.',
      },
    };
  },
});
