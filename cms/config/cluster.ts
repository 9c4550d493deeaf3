import { hostname } from 'node:os';
import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** `all` (default): serves the admin and the API and runs the workers; `web`: serves only; `worker`: works only. */
  role: env('CMS_ROLE', 'all'),
  /** How this process signs its claims and deliveries; unique per process unless set. */
  instanceName: env('CMS_INSTANCE_NAME', '') || `${hostname()}:${process.pid}`,
  /** A claimed outbox row is left to another worker when its claimant has not finished within this. */
  leaseSeconds: env.float('OUTBOX_LEASE_SECONDS', 30),
});
