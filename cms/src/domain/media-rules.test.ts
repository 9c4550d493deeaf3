import { describe, expect, it } from 'vitest';
import { detectUpload, nameForContent } from './media-rules';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));

describe('uploads are known by their content', () => {
  it('recognises the accepted pictures and PDF by their first bytes', () => {
    expect(detectUpload(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(detectUpload(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(detectUpload(bytes('GIF89a'))).toBe('image/gif');
    expect(detectUpload(bytes('GIF87a'))).toBe('image/gif');
    expect(detectUpload(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
    expect(detectUpload(bytes('%PDF-1.7'))).toBe('application/pdf');
  });

  it('refuses pages, drawings, scripts, archives and whatever merely claims to be a picture', () => {
    for (const content of [
      '<html>',
      '<?xml version="1.0"?><svg',
      '<svg xmlns=',
      'alert(1)',
      'PK\u0003\u0004',
      'RIFF0000AVI ',
      'GIF8',
      '',
    ]) {
      expect(detectUpload(bytes(content)), content).toBeNull();
    }
  });

  it('names a file after what it is', () => {
    expect(nameForContent('foto.JPG', 'image/jpeg')).toBe('foto.JPG');
    expect(nameForContent('pagina.html', 'image/gif')).toBe('pagina.gif');
    expect(nameForContent('senza-estensione', 'application/pdf')).toBe('senza-estensione.pdf');
    expect(nameForContent('foto.jpeg', 'image/png')).toBe('foto.png');
  });
});
