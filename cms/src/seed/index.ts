import type { Core } from '@strapi/strapi';
import { seedDemoAccounts } from './demo-accounts';
import { seedDemoConsortiumServices } from './demo-consortium-services';
import { seedDemoOrganisations } from './demo-organisations';
import { seedDemoPracticeCards } from './demo-practice-cards';
import { seedDemoSocialReports } from './demo-social-reports';
import { seedReferenceData } from './reference-data';
import { cmsSettings } from '../settings';

/**
 * Reference data on every start (only what is missing), then the demo data once unless
 * SEED_DEMO_DATA=false. A second run changes nothing and people's edits and deletions stay.
 */
export const seed = async (strapi: Core.Strapi, roleIds: Map<string, number>): Promise<void> => {
  const startedAt = Date.now();
  const reference = await seedReferenceData(strapi);
  const created: Record<string, number> = { ...reference.created };

  // Demo data is loaded once: what people delete or rename afterwards stays as they left it.
  const demoStore = strapi.store({ type: 'core', name: 'coop-seed', key: 'demoDataLoadedAt' });
  const demoLoadedAt = (await demoStore.get({})) as string | null;
  if (cmsSettings().seed.demoData && !demoLoadedAt) {
    const organisations = await seedDemoOrganisations(strapi, reference);
    const services = await seedDemoConsortiumServices(
      strapi,
      reference,
      organisations.organisations,
      organisations.byKey,
    );
    const cards = await seedDemoPracticeCards(strapi, reference, organisations.byKey);
    const reports = await seedDemoSocialReports(strapi, organisations.byKey);
    const accounts = await seedDemoAccounts(strapi, roleIds, organisations.byKey);
    created['account demo'] = accounts.created;
    created.organizzazioni = organisations.created;
    created['servizi consortili'] = services.created;
    created['schede pratica'] = cards.created;
    created['bilanci sociali'] = reports.created;
    await demoStore.set({ value: new Date().toISOString() });
  }

  const summary = Object.entries(created)
    .filter(([, count]) => count > 0)
    .map(([what, count]) => `${count} ${what}`)
    .join(', ');
  strapi.log.info(`Seed: ${summary || 'nulla da creare'} (${Date.now() - startedAt} ms)`);
};
