/**
 * What the CMS says changed in the open data: practices changed or withdrawn since a moment, the
 * newest published practices and reports (the feed), every published report (the sitemap).
 */
import { cachedAnswer } from './cache/index.ts';
import { typeTag } from './cache/tags.ts';
import { config } from './config.ts';
import { CmsUnavailableError } from './errors.ts';

const TIMEOUT_MS = 8_000;

/** A practice's record changes with its card, its organisation, its taxonomies and its place. */
const PRACTICE_TAGS = [
  'practice-cards',
  'organisations',
  'innovation-areas',
  'partner-categories',
  'funding-sources',
  'provinces',
  'regions',
].map(typeTag);
const FEED_TAGS = ['practice-cards', 'social-reports', 'organisations', 'innovation-areas'].map(typeTag);

const read = async <T>(path: string, tags: string[]): Promise<T> => {
  const url = `${config().cmsUrl}/api${path}`;
  return cachedAnswer(`cms:${url}`, async () => {
    let response: Response;
    try {
      response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new CmsUnavailableError(`CMS not reachable at ${url}`, { cause: error });
    }
    if (!response.ok) throw new CmsUnavailableError(`CMS answered ${response.status} for ${url}`);
    const text = await response.text();
    try {
      return { value: (JSON.parse(text) as { data: T }).data, bytes: text.length * 2, tags };
    } catch (error) {
      throw new CmsUnavailableError(`CMS sent no JSON for ${url}`, { cause: error });
    }
  });
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A date or moment in ISO 8601, normalised; null when it is not one. */
export const parseIsoMoment = (value: string): string | null => {
  if (!ISO_DATE.test(value)) return null;
  const at = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value.replace(' ', 'T'));
  return Number.isFinite(at) ? new Date(at).toISOString() : null;
};

export type PracticeChanges = {
  since: string;
  until: string;
  changed: { documentId: string; slug: string; changedAt: string }[];
  withdrawn: { documentId: string; slug: string; withdrawnAt: string }[];
};

export const getPracticeChanges = (since: string): Promise<PracticeChanges> =>
  read<PracticeChanges>(`/open-data/practice-changes?since=${encodeURIComponent(since)}`, PRACTICE_TAGS);

export type FeedEntry = {
  kind: 'pratica' | 'bilancio';
  documentId: string;
  title: string;
  path: string;
  organisationName: string | null;
  category: string | null;
  summary: string;
  publishedAt: string;
  updatedAt: string;
};

export const getFeedEntries = (limit = 50): Promise<FeedEntry[]> =>
  read<FeedEntry[]>(`/open-data/feed?limit=${limit}`, FEED_TAGS);

export type PublishedReportEntry = {
  organisationSlug: string;
  organisationName: string | null;
  year: number;
  publishedAt: string;
  changedAt: string;
};

export const getPublishedReports = (): Promise<PublishedReportEntry[]> =>
  read<PublishedReportEntry[]>('/open-data/published-reports', FEED_TAGS);
