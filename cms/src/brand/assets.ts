import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { LOGO_TYPES, type NetworkBrand } from './settings';

export type BrandAsset = { body: Buffer; type: string; etag: string };

const asset = (body: Buffer, type: string): BrandAsset => ({
  body,
  type,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
});

/** A PNG of the logo fitted in a `size`-pixel square (or `size` pixels high), on a transparent ground. */
const pngOf = async (logo: Buffer, size: number, square: boolean): Promise<Buffer> =>
  sharp(logo, { density: 300 })
    .resize(square ? { width: size, height: size, fit: 'contain' } : { height: size })
    .png()
    .toBuffer();

/** An .ico holding one PNG image: every browser reads it, and `/favicon.ico` is what they ask for. */
export const icoOf = (png: Buffer, size: number): Buffer => {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header.writeUInt8(size >= 256 ? 0 : size, 6);
  header.writeUInt8(size >= 256 ? 0 : size, 7);
  header.writeUInt8(0, 8);
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, png]);
};

export type BrandAssets = {
  logo: () => Promise<BrandAsset>;
  /** For e-mails, where many clients show no SVG. */
  logoPng: () => Promise<BrandAsset>;
  favicon: () => Promise<BrandAsset>;
};

/** The logo as configured and the pictures made from it, each made once and kept. */
export const brandAssets = (brand: NetworkBrand): BrandAssets => {
  const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
    let made: Promise<T> | undefined;
    return () => {
      made ??= make().catch((error: unknown) => {
        made = undefined;
        throw error;
      });
      return made;
    };
  };
  const original = once(async () => readFile(brand.logoFile));
  const type = LOGO_TYPES[path.extname(brand.logoFile).toLowerCase()] ?? 'application/octet-stream';
  return {
    logo: once(async () => asset(await original(), type)),
    logoPng: once(async () => asset(await pngOf(await original(), 96, false), 'image/png')),
    favicon: once(async () => asset(icoOf(await pngOf(await original(), 48, true), 48), 'image/x-icon')),
  };
};
