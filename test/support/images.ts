import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
};

/** Pseudo-random bytes: noise that no encoder can shrink, so the file keeps its size when stored. */
const noise = (length: number): Buffer => {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i += 1) blocks.push(createHash('sha256').update(String(i)).digest());
  return Buffer.concat(blocks).subarray(0, length);
};

/** A real RGB PNG of random pixels, about width × height × 3 bytes. */
export const noisePng = (width: number, height: number): Blob => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rowLength = width * 3 + 1;
  const raw = noise(rowLength * height);
  for (let row = 0; row < height; row += 1) raw[row * rowLength] = 0;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Blob([png], { type: 'image/png' });
};
