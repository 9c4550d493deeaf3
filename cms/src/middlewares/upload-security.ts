import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { detectUpload, nameForContent, refusedUploadMessage } from '../domain/media-rules';

type UploadedFile = {
  filepath?: string;
  path?: string;
  originalFilename?: string;
  name?: string;
  mimetype?: string;
};
type Context = Parameters<Core.MiddlewareHandler>[0];

/** Every route that stores a file: the admin's media library and the content API (a report's attestation checks its PDF itself). */
const UPLOAD_PATHS = [
  /^\/upload\/?$/,
  /^\/upload\/files\/?$/,
  /^\/upload\/files\/[^/]+\/replace\/?$/,
  /^\/api\/upload\/?$/,
];

const headOf = async (file: UploadedFile): Promise<Uint8Array> => {
  const location = file.filepath ?? file.path;
  if (!location) return new Uint8Array();
  const handle = await open(location, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

const filesOf = (ctx: Context): UploadedFile[] => {
  const files = (ctx.request as { files?: Record<string, unknown> }).files ?? {};
  return Object.values(files).flatMap((value): unknown[] =>
    Array.isArray(value) ? (value as unknown[]) : [value],
  ) as UploadedFile[];
};

const refuse = (ctx: Context, message: string): void => {
  ctx.status = 400;
  ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message, details: {} } };
};

// Pictures are shown where they are; anything else (a PDF) is downloaded, never opened in the CMS's origin.
const INLINE = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp']);

/**
 * Uploads are inert. A file is stored only if its content is one of the accepted types, whoever
 * uploads it and through whichever route; files are served with their sniffing off, under a
 * policy that runs no script and loads nothing, and anything but a picture as an attachment.
 */
export default (_config: unknown, _context: { strapi: Core.Strapi }): Core.MiddlewareHandler =>
  async (ctx, next) => {
    if (ctx.method === 'POST' && UPLOAD_PATHS.some((pattern) => pattern.test(ctx.path))) {
      for (const file of filesOf(ctx)) {
        const name = file.originalFilename ?? file.name ?? 'file';
        const type = detectUpload(await headOf(file));
        if (!type) return refuse(ctx, refusedUploadMessage(name));
        // The content decides: the stored name and type follow it, whatever the sender said.
        file.mimetype = type;
        file.originalFilename = nameForContent(name, type);
      }
    }
    await next();
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path.startsWith('/uploads/')) {
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
      ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
      if (!INLINE.has(path.extname(ctx.path).toLowerCase())) {
        ctx.set('Content-Disposition', `attachment; filename="${path.basename(ctx.path).replace(/"/g, '')}"`);
        if (ctx.status === 200 && !ctx.path.toLowerCase().endsWith('.pdf')) ctx.type = 'application/octet-stream';
      }
    }
  };
