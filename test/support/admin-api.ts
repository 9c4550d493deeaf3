/** A minimal client of Strapi's admin API, as the admin panel itself calls it. */
export type AdminSession = {
  baseUrl: string;
  token: string;
  request: (method: string, path: string, body?: unknown) => Promise<Response>;
  json: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
};

/** One sign-in attempt as the panel sends it, answered as it is (`from` is sent as X-Forwarded-For). */
export const loginAttempt = (
  baseUrl: string,
  email: string,
  password: string,
  { from }: { from?: string } = {},
): Promise<Response> =>
  fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(from === undefined ? {} : { 'x-forwarded-for': from }) },
    body: JSON.stringify({ email, password }),
  });

export const adminLogin = async (baseUrl: string, email: string, password: string): Promise<AdminSession> => {
  const response = await loginAttempt(baseUrl, email, password);
  if (!response.ok) throw new Error(`admin login as ${email} failed: ${response.status} ${await response.text()}`);
  const { data } = (await response.json()) as { data: { token: string } };
  return adminSession(baseUrl, data.token);
};

/** A session's token used against another CMS instance of the same cluster (sessions are in the database). */
export const adminSession = (baseUrl: string, token: string): AdminSession => {
  const request = (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
    });

  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await request(method, path, body);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  return { baseUrl, token, request, json };
};

/** Moves a practice card along the editorial workflow, as the workflow panel does; throws when refused. */
/** A move as the redazione makes it; a withdrawal from the portal says why. */
export const moveCard = async (session: AdminSession, documentId: string, to: string): Promise<void> => {
  const body = to === 'Archiviata' ? { to, comment: 'Ritirata dal portale durante la prova' } : { to };
  const response = await session.request('POST', `/coop/workflow/practice-card/${documentId}`, body);
  if (!response.ok) throw new Error(`${documentId} → ${to}: ${response.status} ${await response.text()}`);
};
