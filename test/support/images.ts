/**
 * A valid 1×1 GIF padded with a comment to exactly `bytes` bytes. GIF is stored as uploaded
 * (Strapi re-encodes PNG and JPEG), so the stored size is the size chosen here: right for size caps.
 */
export const gifOfSize = (bytes: number): Blob => {
  const head = Buffer.from([
    ...Buffer.from('GIF89a', 'latin1'),
    ...[1, 0, 1, 0, 0x80, 0, 0], // 1×1 screen, global colour table of two colours
    ...[0xff, 0xff, 0xff, 0, 0, 0],
  ]);
  const image = Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b]);
  // Comment extension: introducer, label, sub-blocks of at most 255 bytes, terminator.
  let remaining = bytes - head.length - image.length - 3;
  if (remaining < 2) throw new Error(`a padded GIF needs at least ${head.length + image.length + 5} bytes`);
  const blocks: Buffer[] = [];
  while (remaining > 0) {
    // Never leave a single byte: a sub-block needs a length byte and at least one data byte.
    const length = remaining === 257 ? 127 : Math.min(255, remaining - 1);
    blocks.push(Buffer.from([length]), Buffer.alloc(length, 0x61));
    remaining -= length + 1;
  }
  const gif = Buffer.concat([head, Buffer.from([0x21, 0xfe]), ...blocks, Buffer.from([0]), image]);
  return new Blob([gif], { type: 'image/gif' });
};
