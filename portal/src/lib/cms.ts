/**
 * The portal's reads from the CMS's public content API (Strapi 5, `/api/...`). The CMS decides on
 * the server what the public sees (published cards of active organisations, public fields only);
 * this module types it and turns every failure into a `CmsUnavailableError`.
 */
import { cachedAnswer } from './cache/index.ts';
import { documentIds, documentTag, subjectTag, typeTag } from './cache/tags.ts';
import { config } from './config.ts';
import { CmsUnavailableError } from './errors.ts';
import { CONSORTIUM_TYPES, isConsortium as isConsortiumType } from '@coop/vocabulary/organisation-types';

export type Named = { name: string };

export type MediaFormat = { url: string; width: number; height: number };

export type Media = {
  url: string;
  alternativeText: string | null;
  width?: number | null;
  height?: number | null;
  formats?: Partial<Record<'thumbnail' | 'small' | 'medium' | 'large', MediaFormat>> | null;
};

export type Organisation = {
  documentId: string;
  name: string;
  slug: string;
  organisationType: string;
  legacoopMember: boolean;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  foundedYear: number | null;
  description: string | null;
  logo?: Media | null;
  province?: { name: string; code: string; region: Named | null } | null;
  memberOf?: { name: string; slug: string }[];
  members?: { name: string; slug: string; city: string | null }[];
};

export type InnovationArea = {
  documentId: string;
  name: string;
  slug: string;
  position: number | null;
  definition: string;
};

export type PracticeCard = {
  documentId: string;
  slug: string;
  title: string;
  description: string;
  innovationElements: string;
  evaluation: string;
  impactEvaluation: boolean;
  intentPartnershipAbsent: boolean | null;
  economicPartnershipAbsent: boolean | null;
  fundingOtherDetail: string | null;
  city: string | null;
  startYear: number | null;
  publishedAt: string;
  updatedAt: string;
  innovationArea: Pick<InnovationArea, 'name' | 'slug' | 'definition'> | null;
  intentPartners: Named[];
  economicPartners: Named[];
  fundingSources: Named[];
  /** Present only when the card's contact is public. */
  contact: { fullName: string; email: string | null; phone: string | null } | null;
  organisation: Organisation | null;
  province: { name: string; code: string; region: Named | null } | null;
  photos: { alt: string; caption: string | null; image: Media | null }[];
};

export type Province = {
  name: string;
  slug: string;
  code: string;
  capital: string;
  latitude: number;
  longitude: number;
  region: { name: string; slug: string } | null;
};

export type ConsortiumService = {
  documentId: string;
  name: string | null;
  memberOrganisation: Pick<Organisation, 'name' | 'slug' | 'city'> | null;
  province: { name: string; code: string; latitude: number; longitude: number; region: Named | null } | null;
  serviceArea: { name: string; slug: string } | null;
};

type Collection<T> = { data: T[]; meta: { pagination: { page: number; pageCount: number; total: number } } };

type Query = Record<string, string | number>;

const TIMEOUT_MS = 8_000;

const toSearch = (query: Query): string =>
  Object.entries(query)
    .map(
      ([key, value]) =>
        `${encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(value)}`,
    )
    .join('&');

/** The REST collection a path reads (`/practice-cards` → `practice-cards`), as the CMS names changes. */
const collectionOf = (path: string): string => path.split('/')[1] ?? path;

type Read = {
  /** The answer is about one document (a lookup by slug): its page goes when it is withdrawn. */
  subject?: boolean;
};

const fetchJson = async <T>(
  url: string,
  missing: 'error' | 'null' = 'error',
): Promise<{ body: T | null; bytes: number }> => {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new CmsUnavailableError(`CMS not reachable at ${url}`, { cause: error });
  }
  if (response.status === 404 && missing === 'null') return { body: null, bytes: 64 };
  if (!response.ok) throw new CmsUnavailableError(`CMS answered ${response.status} for ${url}`);
  let text: string;
  try {
    text = await response.text();
    return { body: JSON.parse(text) as T, bytes: text.length * 2 };
  } catch (error) {
    throw new CmsUnavailableError(`CMS sent no JSON for ${url}`, { cause: error });
  }
};

const apiUrl = (path: string, query: Query): string =>
  `${config().cmsUrl}/api${path}${Object.keys(query).length > 0 ? `?${toSearch(query)}` : ''}`;

/**
 * A read of the public API, through the portal's cache: tagged with its collection and every
 * document it shows, so the CMS's invalidations reach it (and the pages built from it).
 */
const getJson = async <T>(path: string, query: Query = {}, read: Read = {}): Promise<T> => {
  const url = apiUrl(path, query);
  return cachedAnswer(`cms:${url}`, async () => {
    const { body, bytes } = await fetchJson<T>(url);
    const ids = documentIds(body);
    const subject = read.subject ? (body as { data?: { documentId?: string }[] }).data?.[0]?.documentId : undefined;
    return {
      value: body as T,
      bytes,
      tags: [typeTag(collectionOf(path)), ...[...ids].map(documentTag), ...(subject ? [subjectTag(subject)] : [])],
    };
  });
};

/**
 * A read of one of the CMS's own public routes (not a collection of the content API), through the
 * cache like any other; null for a 404 (nothing published there), kept too. `collections` names
 * what the answer is built from, as the CMS names its changes, so a change of any invalidates it.
 */
export const getPublicAnswer = async <T>(path: string, query: Query, collections: string[]): Promise<T | null> => {
  const url = apiUrl(path, query);
  return cachedAnswer(`cms:${url}`, async () => {
    const { body, bytes } = await fetchJson<T>(url, 'null');
    return {
      value: body,
      bytes,
      tags: [...collections.map(typeTag), ...[...documentIds(body)].map(documentTag)],
    };
  });
};

/** Every document of a collection, page after page (the public API caps a page at 100). */
const getAll = async <T>(path: string, query: Query = {}): Promise<T[]> => {
  const rows: T[] = [];
  for (let page = 1; ; page += 1) {
    const body = await getJson<Collection<T>>(path, {
      ...query,
      'pagination[page]': page,
      'pagination[pageSize]': 100,
    });
    rows.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return rows;
  }
};

const first = async <T>(path: string, query: Query): Promise<T | null> => {
  const body = await getJson<Collection<T>>(path, { ...query, 'pagination[pageSize]': 1 }, { subject: true });
  return body.data[0] ?? null;
};

/** A media file's address as the browser reaches it. */
export const mediaUrl = (url: string): string => (/^https?:\/\//.test(url) ? url : `${config().cmsPublicUrl}${url}`);

/** The practice sheet (PDF) the CMS renders for a published card. */
export const practiceSheetUrl = (slug: string): string =>
  `${config().cmsPublicUrl}/api/practice-cards/${encodeURIComponent(slug)}/sheet?format=pdf`;

export const getPracticeCard = (slug: string): Promise<PracticeCard | null> =>
  first<PracticeCard>('/practice-cards', { 'filters[slug][$eq]': slug });

export type PracticeCardFilter = { areaSlug?: string; organisationSlug?: string; limit?: number };

/** Published practice cards, newest first. */
const practiceCardQuery = (filter: PracticeCardFilter): Query => {
  const query: Query = { sort: 'publishedAt:desc' };
  if (filter.areaSlug) query['filters[innovationArea][slug][$eq]'] = filter.areaSlug;
  if (filter.organisationSlug) query['filters[organisation][slug][$eq]'] = filter.organisationSlug;
  return query;
};

/** How many published cards match, without loading them. */
export const countPracticeCards = async (filter: PracticeCardFilter = {}): Promise<number> => {
  const body = await getJson<Collection<PracticeCard>>('/practice-cards', {
    ...practiceCardQuery(filter),
    'pagination[pageSize]': 1,
    'fields[0]': 'slug',
  });
  return body.meta.pagination.total;
};

export const listPracticeCards = async (filter: PracticeCardFilter = {}): Promise<PracticeCard[]> => {
  const query = practiceCardQuery(filter);
  if (filter.limit !== undefined) {
    const body = await getJson<Collection<PracticeCard>>('/practice-cards', {
      ...query,
      'pagination[pageSize]': filter.limit,
    });
    return body.data;
  }
  return getAll<PracticeCard>('/practice-cards', query);
};

export const listInnovationAreas = (): Promise<InnovationArea[]> =>
  getAll<InnovationArea>('/innovation-areas', { sort: 'position:asc' });

export const getInnovationArea = (slug: string): Promise<InnovationArea | null> =>
  first<InnovationArea>('/innovation-areas', { 'filters[slug][$eq]': slug });

export const isConsortium = (organisation: Pick<Organisation, 'organisationType'>): boolean =>
  isConsortiumType(organisation.organisationType);

export const listConsortia = (): Promise<Organisation[]> =>
  getAll<Organisation>('/organisations', {
    ...Object.fromEntries(CONSORTIUM_TYPES.map((type, index) => [`filters[organisationType][$in][${index}]`, type])),
    sort: 'name:asc',
  });

export const getOrganisation = (slug: string): Promise<Organisation | null> =>
  first<Organisation>('/organisations', { 'filters[slug][$eq]': slug });

export const listOrganisations = (): Promise<Organisation[]> =>
  getAll<Organisation>('/organisations', { sort: 'name:asc' });

export const listConsortiumServices = (consortiumSlug: string): Promise<ConsortiumService[]> =>
  getAll<ConsortiumService>('/consortium-services', { 'filters[consortium][slug][$eq]': consortiumSlug });

export const listServiceAreas = (): Promise<{ name: string; slug: string; position: number | null }[]> =>
  getAll('/service-areas', { sort: 'position:asc' });

export const listProvinces = (): Promise<Province[]> => getAll<Province>('/provinces', { sort: 'name:asc' });

/** What the registration endpoint answered: accepted, or refused with a message per field. */
/** What the CMS said of a visitor's request: accepted, or refused with its reason and field errors. */
export type PostOutcome =
  | { accepted: true; message: string }
  | { accepted: false; status: number; message: string; fieldErrors: Record<string, string> };

export type RegistrationOutcome = PostOutcome;

type ApiErrorBody = {
  error?: {
    status?: number;
    message?: string;
    details?: { errors?: { path?: (string | number)[]; message?: string }[] };
  };
  data?: { message?: string };
};

/**
 * Sends a visitor's request to one of the CMS's public routes, with the visitor's address proven
 * by the shared secret (the CMS limits requests per visitor). Validation errors come back per field
 * (their path joined with dots, e.g. `responsabile.email`).
 */
export const postToCms = async (
  path: string,
  data: Record<string, unknown>,
  clientIp: string | null,
  acceptedMessage: string,
): Promise<PostOutcome> => {
  const url = `${config().cmsUrl}/api${path}`;
  const secret = config().portalProxySecret;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(clientIp && secret ? { 'x-forwarded-for': clientIp, 'x-portal-secret': secret } : {}),
      },
      body: JSON.stringify({ data }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new CmsUnavailableError(`CMS not reachable at ${url}`, { cause: error });
  }
  const body = (await response.json().catch(() => ({}))) as ApiErrorBody;
  if (response.ok) return { accepted: true, message: body.data?.message ?? acceptedMessage };
  if (response.status >= 500) throw new CmsUnavailableError(`CMS answered ${response.status} for ${url}`);
  const fieldErrors: Record<string, string> = {};
  for (const error of body.error?.details?.errors ?? []) {
    const field = (error.path ?? []).join('.');
    if (field && error.message && !fieldErrors[field]) fieldErrors[field] = error.message;
  }
  return {
    accepted: false,
    status: response.status,
    message: body.error?.message ?? 'La richiesta non è stata accettata.',
    fieldErrors,
  };
};

/** Sends a registration request ("Richiedi le tue credenziali") to the CMS. */
export const submitRegistration = (
  data: Record<string, unknown>,
  clientIp: string | null,
): Promise<RegistrationOutcome> => postToCms('/registration-requests', data, clientIp, 'Richiesta inviata.');

/** The data controller and the retention periods, as the CMS configures and enforces them. */
export type PrivacyNotice = {
  controller: {
    name: string | null;
    address: string | null;
    email: string | null;
    pec: string | null;
    phone: string | null;
    dpoEmail: string | null;
  };
  retention: {
    closedRequestDays: number;
    sentEmailDays: number;
    invitationDays: number;
    alertConfirmationDays?: number;
  };
};

export const getPrivacyNotice = async (): Promise<PrivacyNotice> =>
  (await getJson<{ data: PrivacyNotice }>('/privacy-notice')).data;
