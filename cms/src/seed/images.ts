import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';
import { uploadService } from '../strapi/services';

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] ?? char,
  );

const initials = (name: string): string =>
  name
    .replace(/Cooperativa Sociale|Società Cooperativa Sociale|Impresa Sociale Cooperativa|Consorzio/gi, '')
    .split(/\s+/)
    .filter((word) => word.length > 2 && /^[A-ZÀ-Ý]/.test(word))
    .slice(0, 2)
    .map((word) => word[0])
    .join('') || name.slice(0, 2).toUpperCase();

/** A deterministic sequence of numbers in [0, 1) from a seed text. */
const numbers = (seed: string): (() => number) => {
  let counter = 0;
  return () => {
    const digest = createHash('sha256').update(`${seed}:${counter++}`).digest();
    return digest.readUInt32BE(0) / 2 ** 32;
  };
};

/** A square logo: the organisation's initials on its colour. */
export const logoSvg = (name: string, color: string): string => `
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
  <rect width="400" height="400" rx="72" fill="${escapeXml(color)}"/>
  <circle cx="200" cy="200" r="138" fill="none" stroke="#ffffff" stroke-width="14" stroke-opacity="0.55"/>
  <text x="200" y="238" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-weight="700"
        font-size="120" fill="#ffffff">${escapeXml(initials(name))}</text>
</svg>`;

/** An illustrative photo: a landscape of soft shapes, different for every seed. */
export const photoSvg = (seed: string, color: string): string => {
  const next = numbers(seed);
  const hills = Array.from({ length: 4 }, (_, layer) => {
    const y = 420 + layer * 90 + next() * 40;
    const peak = 250 + next() * 700;
    return `<path d="M0 ${y} Q ${peak} ${y - 160 - next() * 120} 1200 ${y + 30 - next() * 60} L1200 800 L0 800 Z"
      fill="${color}" fill-opacity="${(0.25 + layer * 0.18).toFixed(2)}"/>`;
  }).join('');
  const people = Array.from({ length: 3 + Math.floor(next() * 4) }, () => {
    const x = 150 + next() * 900;
    const scale = 0.8 + next() * 0.6;
    return `<g transform="translate(${x.toFixed(0)} ${(560 + next() * 120).toFixed(0)}) scale(${scale.toFixed(2)})">
      <circle cx="0" cy="-95" r="26" fill="#fdf6ec"/><rect x="-30" y="-64" width="60" height="90" rx="26" fill="#fdf6ec"/></g>`;
  }).join('');
  return `
<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#f3d9a4"/><stop offset="1" stop-color="#fbfaf7"/></linearGradient></defs>
  <rect width="1200" height="800" fill="url(#sky)"/>
  <circle cx="${(200 + next() * 800).toFixed(0)}" cy="170" r="70" fill="#f6b04a" fill-opacity="0.85"/>
  ${hills}${people}
</svg>`;
};

export type UploadedFile = { id: number };

/** Renders an SVG to an image file and stores it through Strapi's upload plugin. */
export const uploadGeneratedImage = async (
  strapi: Core.Strapi,
  svg: string,
  file: { name: string; alternativeText: string; format: 'png' | 'jpeg' },
): Promise<UploadedFile> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-image-'));
  try {
    const filepath = path.join(dir, `${file.name}.${file.format === 'png' ? 'png' : 'jpg'}`);
    const image = sharp(Buffer.from(svg));
    writeFileSync(filepath, await (file.format === 'png' ? image.png() : image.jpeg({ quality: 82 })).toBuffer());
    const [uploaded] = (await uploadService(strapi).upload({
      data: { fileInfo: { name: path.basename(filepath), alternativeText: file.alternativeText } },
      files: {
        filepath,
        originalFilename: path.basename(filepath),
        mimetype: file.format === 'png' ? 'image/png' : 'image/jpeg',
        size: statSync(filepath).size,
      },
    })) as UploadedFile[];
    if (!uploaded) throw new Error(`Upload of ${file.name} returned nothing`);
    return uploaded;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
