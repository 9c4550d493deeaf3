/** What `/brand/admin.js` tells the panel before it starts (see `src/brand/public.ts`). */
export type PanelBrand = {
  name: string;
  logoUrl: string;
  primaryColor: string;
  accentColor: string;
  contactEmail: string;
  instance: string | null;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merges into the DOM's Window
  interface Window {
    coopBrand?: PanelBrand;
  }
}

const FALLBACK: PanelBrand = {
  name: 'Piattaforma della rete',
  logoUrl: '/brand/logo',
  primaryColor: '#8c1d40',
  accentColor: '#e8a33d',
  contactEmail: '',
  instance: null,
};

export const panelBrand = (): PanelBrand => (typeof window !== 'undefined' ? window.coopBrand : undefined) ?? FALLBACK;

const mix = (hex: string, toward: number, amount: number): string => {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `#${channels
    .map((value) => Math.round(value + (toward - value) * amount))
    .map((value) => value.toString(16).padStart(2, '0'))
    .join('')}`;
};

/** Strapi's primary scale made from the network's colour: 600 is the colour, lighter and darker around it. */
export const primaryScale = (hex: string): Record<string, string> => ({
  primary100: mix(hex, 255, 0.92),
  primary200: mix(hex, 255, 0.8),
  primary500: mix(hex, 255, 0.25),
  primary600: hex,
  primary700: mix(hex, 0, 0.2),
  buttonPrimary500: mix(hex, 255, 0.25),
  buttonPrimary600: hex,
});

/**
 * Strapi's "new Media Library" banner, with its link to Strapi's blog, shows until dismissed in
 * each browser: it is recorded as dismissed before the panel starts. The key is scoped by the
 * installation's id as Strapi's `/admin/init` reports it (false when telemetry is off).
 */
export const dismissStrapiBanners = (storage: Storage, instance: string | null): void => {
  for (const scope of new Set([String(instance), 'false', 'undefined'])) {
    for (const legacy of ['true', 'false']) {
      storage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${scope}`, 'true');
    }
  }
};

/**
 * Strapi titles every page "… | Strapi": the tab says the network's name instead. Strapi sets
 * `document.title` on each page, so the title is corrected whenever it changes.
 */
export const brandPageTitles = (networkName: string): void => {
  const suffix = ' | Strapi';
  const fix = (): void => {
    if (document.title.endsWith(suffix)) document.title = `${document.title.slice(0, -suffix.length)} | ${networkName}`;
    else if (document.title === 'Strapi' || document.title === 'Strapi Admin') document.title = networkName;
  };
  fix();
  new MutationObserver(fix).observe(document.head, { subtree: true, childList: true, characterData: true });
};
