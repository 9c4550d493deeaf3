/**
 * The portal on a phone: the catalogue's first screen, its refinements' drawer, the list/map
 * switch, the menu, touch help; and no page that scrolls sideways, whatever a card holds (one
 * unbroken word as long as each of its text fields allows, a long address) at 320, 390 and 1366 px.
 */
import type { Page } from '@playwright/test';
import { adminLogin, moveCard, type AdminSession } from '../support/admin-api.ts';
import { contentApi, createFullAccessToken, type ContentApi } from '../support/content-api.ts';
import { gifOfSize } from '../support/images.ts';
import { expect, keepScreenshot, portal, searchIndexReady, test } from './portal-fixtures.ts';
import { adminCredentials, cmsUrl, demoPassword } from './urls.ts';

const WIDTHS = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
] as const;
const PHONE = { width: 390, height: 844 };

/** How far the page reaches beyond the screen's width (0: no sideways scroll). */
const sidewaysOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);

const openCatalogue = async (page: Page, path = '/pratiche'): Promise<void> => {
  await page.goto(portal(path));
  await expect(page.locator('.catalogue[data-hydrated="true"]')).toBeAttached();
};

/** The element is entirely within the first screen. */
const onFirstScreen = async (page: Page, selector: string): Promise<void> => {
  const box = await page.locator(selector).first().boundingBox();
  const { height } = page.viewportSize() ?? { height: 0 };
  expect(box, selector).not.toBeNull();
  expect(box!.y, selector).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${selector} ends within the first ${height} px`).toBeLessThanOrEqual(height);
};

test.beforeAll(searchIndexReady);

test.describe('the catalogue’s first screen', () => {
  for (const size of WIDTHS) {
    test(`at ${size.width} px the search box, the count and the first result are on the first screen`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await openCatalogue(page);
      await onFirstScreen(page, '#catalogue-q');
      await onFirstScreen(page, '.result-count');
      await expect(page.locator('.result-count')).toHaveText(/\d+ pratiche trovate/);
      await onFirstScreen(page, 'ol.results > li:first-child h3');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await keepScreenshot(page, `catalogue-${size.width}`);
    });
  }
});

test.describe('the catalogue on a phone', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('refinements open in a drawer that says how many results they give', async ({ page }) => {
    await openCatalogue(page);
    const total = Number((await page.locator('.result-count').textContent())?.replace(/\D/g, ''));
    // Refinements wait in the drawer, not on the way to the results.
    await expect(page.getByRole('checkbox', { name: /^Lombardia/ })).toBeHidden();
    await page.getByRole('button', { name: 'Filtri' }).click();
    const drawer = page.getByRole('dialog', { name: 'Filtri' });
    await expect(drawer).toBeVisible();
    const lombardia = drawer.getByRole('checkbox', { name: /^Lombardia/ });
    const expected = Number(
      (await drawer.locator('label', { hasText: /^Lombardia/ }).textContent())?.replace(/\D/g, ''),
    );
    expect(expected).toBeLessThan(total);
    await lombardia.check();
    await expect(drawer.getByRole('button', { name: `Mostra ${expected} pratiche` })).toBeVisible();
    await keepScreenshot(page, 'phone-drawer');
    await drawer.getByRole('button', { name: `Mostra ${expected} pratiche` }).click();
    await expect(drawer).toBeHidden();
    await expect(page.locator('.result-count')).toHaveText(`${expected} pratiche trovate`);
    await expect(page.getByRole('button', { name: 'Filtri (1)' })).toBeVisible();
    await expect(page).toHaveURL(/regione=Lombardia/);
    // Escape closes it too.
    await page.getByRole('button', { name: 'Filtri (1)' }).click();
    await expect(drawer).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  test('one control switches between the list and the map, whose help speaks of touch', async ({ page }) => {
    await openCatalogue(page);
    const map = page.getByTestId('practice-map');
    await expect(map).toBeHidden();
    await page.getByRole('button', { name: 'Mostra la mappa' }).click();
    await expect(map).toBeVisible();
    await expect(page.locator('ol.results')).toBeHidden();
    await expect(page.locator('#map-help')).toContainText('Tocca');
    await expect(page.locator('#map-help')).not.toContainText('tastiera');
    const total = (await page.locator('.result-count').textContent())?.replace(/\D/g, '');
    await expect(map).toHaveAttribute('data-points', total ?? '');
    await keepScreenshot(page, 'phone-map');
    await page.getByRole('button', { name: 'Mostra l’elenco' }).click();
    await expect(page.locator('ol.results')).toBeVisible();
    await expect(map).toBeHidden();
  });

  test('the navigation collapses into a menu', async ({ page }) => {
    await page.goto(portal('/'));
    const navigation = page.getByRole('navigation', { name: 'Principale' });
    await expect(navigation.getByRole('link', { name: 'Dati aperti' })).toBeHidden();
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThan(90);
    await navigation.getByText('Menu').click();
    await expect(navigation.getByRole('link')).toHaveText([
      'Pratiche e mappa',
      'Ambiti di innovazione',
      'Consorzi e territori',
      'Osservatorio',
      'Dati aperti',
      'Richiedi le tue credenziali',
    ]);
    await navigation.getByRole('link', { name: 'Dati aperti' }).click();
    await expect(page).toHaveURL(/\/dati$/);
  });
});

test.describe('no page scrolls sideways, whatever a card holds', () => {
  /** One unbroken word of `length` characters. */
  const word = (length: number, start = 'Parola'): string =>
    (start + 'lunghissimasenzaspazi'.repeat(Math.ceil(length / 21))).slice(0, length);
  const address = `https://www.esempio-cooperativa.it/${'percorso-senza-fine/'.repeat(80)}`.slice(0, 1500);
  let staff: AdminSession;
  let api: ContentApi;
  let card: { documentId: string; slug: string } | null = null;

  test.beforeAll(async () => {
    const { email, password } = adminCredentials();
    api = contentApi(cmsUrl(), await createFullAccessToken(await adminLogin(cmsUrl(), email, password)));
    staff = await adminLogin(cmsUrl(), 'staff@demo.piattaforma.local', demoPassword());
    const { data: [template] = [] } = await api.json<{ data: Record<string, unknown>[] }>(
      'GET',
      '/practice-cards?filters[organisation][slug][$eq]=navigli-insieme&status=published&populate=*&pagination[pageSize]=1',
    );
    if (!template) throw new Error('no published card of navigli-insieme to copy');
    const { data: funding } = await api.json<{ data: { documentId: string; name: string }[] }>(
      'GET',
      '/funding-sources?pagination[pageSize]=100',
    );
    const ids = (value: unknown) =>
      Array.isArray(value)
        ? value.map((item: { documentId: string }) => item.documentId)
        : (value as { documentId: string } | null)?.documentId;
    const photo = await api.upload(gifOfSize(2000), 'foto.gif');
    const { data } = await api.json<{ data: { documentId: string; slug: string } }>('POST', '/practice-cards', {
      data: {
        title: word(150, 'Titolo'),
        organisation: ids(template.organisation),
        innovationArea: ids(template.innovationArea),
        intentPartnershipAbsent: true,
        economicPartnershipAbsent: true,
        fundingSources: funding.filter((source) => source.name === 'Altre').map((source) => source.documentId),
        fundingOtherDetail: word(300, 'Altro'),
        description: word(2000, 'Descrizione'),
        innovationElements: address,
        evaluation: word(1500, 'Valutazione'),
        impactEvaluation: true,
        city: word(120, 'Comune'),
        province: ids(template.province),
        contact: {
          fullName: word(120, 'Referente'),
          email: `${'indirizzo'.repeat(7)}@${'dominio'.repeat(20)}.it`,
          phone: '+39 0255512345678',
          isPublic: true,
        },
        photos: [{ image: photo.id, alt: word(250, 'Alternativo'), caption: word(300, 'Didascalia') }],
      },
    });
    for (const to of ['Inviata', 'In revisione', 'Selezionata', 'Pubblicata'])
      await moveCard(staff, data.documentId, to);
    card = data;
    // The catalogue shows it once the index has it: the newest of its organisation.
    await expect
      .poll(
        async () => {
          const response = await fetch(portal('/api/search?organizzazione=navigli-insieme&ordine=recenti'));
          return ((await response.json()) as { hits: { slug: string }[] }).hits[0]?.slug;
        },
        { timeout: 30_000 },
      )
      .toBe(data.slug);
  });

  test.afterAll(async () => {
    if (card) await moveCard(staff, card.documentId, 'Archiviata');
  });

  for (const size of WIDTHS) {
    test(`at ${size.width} px`, async ({ page }) => {
      await page.setViewportSize(size);
      const { slug } = card!;
      const { data: [published] = [] } = await api.json<{ data: { innovationArea: { slug: string } }[] }>(
        'GET',
        `/practice-cards?filters[slug][$eq]=${slug}&populate=innovationArea`,
      );
      const pages = [
        '/',
        '/pratiche',
        '/pratiche?organizzazione=navigli-insieme&ordine=recenti',
        '/pratiche?pagina=2',
        `/pratiche/${slug}`,
        '/aree',
        `/aree/${published?.innovationArea.slug ?? ''}`,
        '/consorzi',
        '/consorzi/consorzio-sociale-light',
        '/dati',
        '/dati/statistiche',
        '/registrazione',
        '/registrazione/inviata',
        '/pagina-che-non-esiste',
      ];
      const overflowing: string[] = [];
      for (const path of pages) {
        await page.goto(portal(path));
        if (path.startsWith('/pratiche?'))
          await expect(page.locator('.catalogue[data-hydrated="true"]')).toBeAttached();
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) overflowing.push(`${path}: ${overflow} px too wide`);
      }
      // The card is where it should be, long words and all.
      await page.goto(portal('/pratiche?organizzazione=navigli-insieme&ordine=recenti'));
      await expect(page.locator('ol.results h3').first()).toContainText('Titolo');
      await page.goto(portal(`/pratiche/${slug}`));
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Titololunghissima');
      await keepScreenshot(page, `long-words-${size.width}`);
      expect(overflowing).toEqual([]);
    });
  }
});
