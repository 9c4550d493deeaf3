/** An Atom 1.0 feed (RFC 4287) of the newest published practices and social reports. */
import type { FeedEntry } from './open-data-changes.ts';

const escapeXml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 forbids would make the whole feed unreadable.
    // eslint-disable-next-line no-control-regex -- these control characters are exactly what is removed
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

export type FeedHead = { title: string; portalUrl: string; author: string; updated: string };

export const atomFeed = (head: FeedHead, entries: FeedEntry[]): string => {
  const self = `${head.portalUrl}/feed.xml`;
  const items = entries.map((entry) => {
    const link = `${head.portalUrl}${entry.path}`;
    return [
      '  <entry>',
      `    <id>${escapeXml(link)}</id>`,
      `    <title>${escapeXml(entry.kind === 'pratica' ? `Pratica: ${entry.title}` : entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <published>${entry.publishedAt}</published>`,
      `    <updated>${entry.updatedAt}</updated>`,
      `    <author><name>${escapeXml(entry.organisationName ?? head.author)}</name></author>`,
      entry.category
        ? `    <category term="${escapeXml(entry.category)}" label="${escapeXml(entry.category)}"/>`
        : null,
      `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
      '  </entry>',
    ]
      .filter((line) => line !== null)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="it">',
    `  <id>${escapeXml(self)}</id>`,
    `  <title>${escapeXml(head.title)}</title>`,
    `  <subtitle>Le nuove pratiche innovative e i nuovi bilanci sociali pubblicati</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(head.portalUrl)}/"/>`,
    `  <updated>${head.updated}</updated>`,
    `  <author><name>${escapeXml(head.author)}</name></author>`,
    `  <rights>CC BY 4.0 — https://creativecommons.org/licenses/by/4.0/deed.it</rights>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
};
