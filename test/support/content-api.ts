import type { AdminSession } from './admin-api.ts';

export type ApiError = {
  status: number;
  name: string;
  message: string;
  details?: { errors?: { path: string[]; message: string }[] };
};

/** A client of the content API (`/api`), authenticated with an API token. */
export type ContentApi = {
  request: (method: string, path: string, body?: unknown) => Promise<Response>;
  json: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
  /** Sends a write that must be refused, and returns the error Strapi answered with. */
  refused: (method: string, path: string, body: unknown) => Promise<ApiError>;
  upload: (file: Blob, name: string) => Promise<{ id: number; mime: string }>;
};

export const contentApi = (baseUrl: string, token: string): ContentApi => {
  const request = (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
    });
  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await request(method, path, body);
    if (!response.ok) throw new Error(`${method} /api${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    request,
    json,
    refused: async (method, path, body) => {
      const response = await request(method, path, body);
      const payload = (await response.json()) as { error?: ApiError };
      if (response.ok || !payload.error)
        throw new Error(`${method} /api${path} was accepted: ${JSON.stringify(payload).slice(0, 300)}`);
      return payload.error;
    },
    upload: async (file, name) => {
      const form = new FormData();
      form.append('files', file, name);
      const [uploaded] = await json<{ id: number; mime: string }[]>('POST', '/upload', form);
      if (!uploaded) throw new Error('upload returned nothing');
      return uploaded;
    },
  };
};

/** A full-access API token, made through the admin API as network staff would. */
export const createFullAccessToken = async (session: AdminSession): Promise<string> => {
  const { data } = await session.json<{ data: { accessKey: string } }>('POST', '/admin/api-tokens', {
    name: `test-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    description: 'Integration tests',
    type: 'full-access',
    lifespan: null,
  });
  return data.accessKey;
};

/** Number of documents of a type through the content API. */
export const countOf = async (api: ContentApi, plural: string, query = ''): Promise<number> => {
  const { meta } = await api.json<{ meta: { pagination: { total: number } } }>(
    'GET',
    `/${plural}?pagination[pageSize]=1${query}`,
  );
  return meta.pagination.total;
};
