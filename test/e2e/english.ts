import { expect, type Page } from '@playwright/test';

/**
 * English words and phrases Strapi's admin shows when a string lacks its Italian, or names
 * Strapi itself. Words match whole (case-sensitive where an Italian word shares the letters).
 */
const ENGLISH_PHRASES = [
  'Introducing the new Media Library',
  'Read blog post',
  'Create an entry',
  'Create new entry',
  'Add or create a relation',
  'Add an entry',
  'Delete entry',
  'Are you sure',
  'This action is irreversible',
  'characters',
  'Click to add an asset',
  'drag and drop',
  'Drag & Drop',
  'Media Library',
  'is empty',
  'More actions',
  'Edit the model',
  'Copy document ID',
  'Set up preview',
  'il primo cane sulla luna',
  'Last activity',
  'Content Manager',
  'API Tokens',
  'Webhooks',
  'newsletter',
  'Documentation',
  'Welcome',
  'Log in',
  'Logout',
  'Forgot your password',
  'Last edited',
  'Last published',
  'Recently',
  'No content',
  'Something went wrong',
];
const ENGLISH_WORDS = [
  'Strapi',
  'DRAFT',
  'PUBLISHED',
  'MODIFIED',
  'Draft',
  'Published',
  'Modified',
  'Save',
  'Publish',
  'Unpublish',
  'Cancel',
  'Delete',
  'Edit',
  'Search',
  'Filters',
  'Settings',
  'Loading',
  'entries',
  'entry',
  'Upload',
  'Assets',
  'Folders',
  'Back',
  'Close',
  'Confirm',
  'Create',
  'Profile',
  'Required',
  'Untitled',
];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERN = new RegExp(
  [
    ...ENGLISH_PHRASES.map((phrase) => `(?:${escape(phrase)})`),
    ...ENGLISH_WORDS.map((word) => `\\b${escape(word)}\\b`),
  ].join('|'),
  'g',
);

/** Every text a person can read on the page: visible text, placeholders, labels, tooltips and the title. */
const readableTexts = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const texts = [document.title, document.body.innerText];
    for (const element of Array.from(
      document.querySelectorAll<HTMLElement>('[placeholder], [aria-label], [title], img[alt]'),
    )) {
      if (!element.checkVisibility()) continue;
      for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts;
  });

/** English words Strapi left on the page, with the line they are on. */
export const englishOn = async (page: Page): Promise<string[]> => {
  const found = new Set<string>();
  for (const text of await readableTexts(page)) {
    for (const line of text.split('\n')) {
      // E-mail addresses and web addresses are data, not words of the interface.
      const words = line.replace(/\S+@\S+|https?:\/\/\S+/g, '');
      for (const match of words.matchAll(PATTERN)) found.add(`«${match[0]}» in «${line.trim().slice(0, 120)}»`);
    }
  }
  return [...found];
};

/** The page speaks Italian and names the network, not Strapi: no English string and no strapi.io link. */
export const expectItalian = async (page: Page, where: string): Promise<void> => {
  expect(await englishOn(page), `English on ${where}`).toEqual([]);
  expect(await page.locator('a[href*="strapi.io"]').count(), `strapi.io links on ${where}`).toBe(0);
};
