import path from 'node:path';

/**
 * The network that runs the platform, as its people and the e-mails see it: its name, logo and
 * colours, and whom to contact. From configuration, so another network deploys with its own.
 */
export type NetworkBrand = {
  name: string;
  /** Absolute path of the logo: SVG, PNG, JPEG or WebP. */
  logoFile: string;
  /** `#rrggbb`, dark enough for white text on it (buttons, links, the e-mails' header). */
  primaryColor: string;
  /** `#rrggbb`, for details (the e-mails' header rule, highlights). */
  accentColor: string;
  /** Whom people write to with a question about the platform. */
  contactEmail: string;
};

export const DEFAULT_NETWORK_NAME = 'Cooperative sociali in rete';
export const DEFAULT_PRIMARY_COLOR = '#8c1d40';
export const DEFAULT_ACCENT_COLOR = '#e8a33d';
export const LOGO_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

type Read = (name: string) => string | undefined;

const HEX = /^#[0-9a-fA-F]{6}$/;

const channel = (value: number): number => {
  const srgb = value / 255;
  return srgb <= 0.03928 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
};

/** WCAG relative luminance of `#rrggbb`. */
export const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((at) => channel(parseInt(hex.slice(at, at + 2), 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

/** Contrast ratio of white text on this colour. */
export const contrastWithWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05);

const addressOf = (mailbox: string): string => /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox.trim();

/**
 * Reads `NETWORK_*` (and the reply-to address as the default contact). A logo that cannot be
 * used or a colour white text cannot be read on stops the start with a message saying which.
 * Relative logo paths are read from the repository root.
 */
export const readBrand = (read: Read, repoRoot: string, exists: (file: string) => boolean): NetworkBrand => {
  const name = (read('NETWORK_NAME') ?? '').trim() || DEFAULT_NETWORK_NAME;
  const logoSetting = (read('NETWORK_LOGO') ?? '').trim();
  const logoFile = logoSetting
    ? path.resolve(repoRoot, logoSetting)
    : path.join(repoRoot, 'cms', 'assets', 'network-logo.svg');
  if (!LOGO_TYPES[path.extname(logoFile).toLowerCase()]) {
    throw new Error(`NETWORK_LOGO: il logo deve essere un file SVG, PNG, JPEG o WebP (${logoFile})`);
  }
  if (!exists(logoFile)) throw new Error(`NETWORK_LOGO: file non trovato (${logoFile})`);
  const primaryColor = (read('NETWORK_PRIMARY_COLOR') ?? '').trim() || DEFAULT_PRIMARY_COLOR;
  const accentColor = (read('NETWORK_ACCENT_COLOR') ?? '').trim() || DEFAULT_ACCENT_COLOR;
  for (const [setting, value] of [
    ['NETWORK_PRIMARY_COLOR', primaryColor],
    ['NETWORK_ACCENT_COLOR', accentColor],
  ] as const) {
    if (!HEX.test(value)) throw new Error(`${setting}: un colore nella forma #rrggbb (non «${value}»)`);
  }
  const contrast = contrastWithWhite(primaryColor);
  if (contrast < 4.5) {
    throw new Error(
      `NETWORK_PRIMARY_COLOR: il testo bianco su ${primaryColor} ha contrasto ${contrast.toFixed(1)}:1, ne serve almeno 4,5:1 (scegliere un colore più scuro)`,
    );
  }
  const contactEmail =
    (read('NETWORK_CONTACT_EMAIL') ?? '').trim() ||
    addressOf(read('MAIL_REPLY_TO') ?? '') ||
    'segreteria@piattaforma.local';
  return {
    name,
    logoFile,
    primaryColor: primaryColor.toLowerCase(),
    accentColor: accentColor.toLowerCase(),
    contactEmail,
  };
};
