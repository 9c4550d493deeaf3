import { cmsSettings } from '../src/settings';

export default () => {
  const { cluster } = cmsSettings();
  return {
    /** `all` (default): serves the admin and the API and runs the workers; `web`: serves only; `worker`: works only. */
    role: cluster.role,
    /** How this process signs its claims and deliveries; unique per process unless set. */
    instanceName: cluster.instanceName,
    /** A claimed outbox row is left to another worker when its claimant has not finished within this. */
    leaseSeconds: cluster.leaseSeconds,
  };
};
