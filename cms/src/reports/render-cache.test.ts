import { describe, expect, it } from 'vitest';
import { createRenderCache } from './render-cache';

describe('createRenderCache', () => {
  it('renders once for requests that arrive together, and again only when the key changes', async () => {
    const cache = createRenderCache<string>(10);
    let renders = 0;
    const render = (): Promise<string> => Promise.resolve(`documento ${++renders}`);
    const together = await Promise.all([cache.get('scheda:v1', render), cache.get('scheda:v1', render)]);
    expect(together).toEqual(['documento 1', 'documento 1']);
    expect(await cache.get('scheda:v1', render)).toBe('documento 1');
    expect(await cache.get('scheda:v2', render)).toBe('documento 2');
  });

  it('forgets a failed render, so the next request tries again', async () => {
    const cache = createRenderCache<string>(10);
    await expect(cache.get('scheda', () => Promise.reject(new Error('LibreOffice assente')))).rejects.toThrow();
    expect(await cache.get('scheda', () => Promise.resolve('documento'))).toBe('documento');
  });

  it('keeps at most the given number of documents, dropping the least recently used', async () => {
    const cache = createRenderCache<string>(2);
    await cache.get('a', () => Promise.resolve('A'));
    await cache.get('b', () => Promise.resolve('B'));
    await cache.get('a', () => Promise.resolve('A di nuovo'));
    await cache.get('c', () => Promise.resolve('C'));
    expect(cache.size).toBe(2);
    expect(await cache.get('a', () => Promise.resolve('A rifatto'))).toBe('A');
    expect(await cache.get('b', () => Promise.resolve('B rifatto'))).toBe('B rifatto');
  });
});
