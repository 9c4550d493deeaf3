import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../stack/process.ts';
import { startCms, startMaildev } from '../stack/services.ts';
import { resolveSettings, type StackSettings } from '../stack/settings.ts';
import { demoPassword } from '../stack/test-settings.ts';
import { seededSettings } from '../stack/seeded-template.ts';
import { adminLogin, type AdminSession } from '../support/admin-api.ts';
import { contentApi, createFullAccessToken, type ContentApi } from '../support/content-api.ts';
import { DEMO_ACCOUNT } from '../support/demo-accounts.ts';
import { gifOfSize } from '../support/images.ts';

const PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
trailer << /Root 1 0 R >>
%%EOF`;

const form = (content: BlobPart, name: string, type: string): FormData => {
  const body = new FormData();
  body.append('files', new Blob([content], { type }), name);
  return body;
};

describe('uploads are inert and the admin’s policy is what the configuration says', () => {
  let settings: StackSettings;
  const services: Service[] = [];
  let operatore: AdminSession;
  let staff: AdminSession;
  let superAdmin: AdminSession;
  let api: ContentApi;

  beforeAll(async () => {
    settings = resolveSettings(await seededSettings());
    services.push(await startMaildev(settings), await startCms(settings));
    superAdmin = await adminLogin(settings.cms.url, settings.admin.email, settings.admin.password);
    operatore = await adminLogin(settings.cms.url, DEMO_ACCOUNT.operatore, demoPassword);
    staff = await adminLogin(settings.cms.url, DEMO_ACCOUNT.staff, demoPassword);
    api = contentApi(settings.cms.url, await createFullAccessToken(superAdmin));
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    if (settings) rmSync(settings.dataDir, { recursive: true, force: true });
  });

  const fileCount = async (): Promise<number> =>
    (await superAdmin.json<{ pagination: { total: number } }>('GET', '/upload/files?page=1&pageSize=1')).pagination
      .total;

  it('refuses by content whatever is not a picture or a PDF, naming the file, on every upload route', async () => {
    const hostile: [string, string, string][] = [
      ['<html><script>fetch("/admin/users/me")</script></html>', 'x.html', 'text/html'],
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'x.svg', 'image/svg+xml'],
      ['fetch("/admin/access-token", { method: "POST" })', 'y.js', 'application/javascript'],
      // A name and a declared type that lie: the content decides.
      ['<html><script>alert(1)</script></html>', 'foto.png', 'image/png'],
      ['PK\u0003\u0004 archive', 'archivio.zip', 'application/zip'],
    ];
    const before = await fileCount();
    for (const [content, name, type] of hostile) {
      for (const [who, send] of [
        ['operatore', () => operatore.request('POST', '/upload', form(content, name, type))],
        ['operatore, one file', () => operatore.request('POST', '/upload/files', form(content, name, type))],
        ['network staff', () => staff.request('POST', '/upload', form(content, name, type))],
        ['API token', () => api.request('POST', '/upload', form(content, name, type))],
      ] as const) {
        const response = await send();
        expect(response.status, `${who}: ${name}`).toBe(400);
        const { error } = (await response.json()) as { error: { message: string } };
        expect(error.message, `${who}: ${name}`).toContain(`«${name}»`);
        expect(error.message).toMatch(/tipo di file non ammesso/);
      }
    }
    expect(await fileCount()).toBe(before);

    const [picture] = await operatore.json<{ id: number }[]>(
      'POST',
      '/upload',
      form(await gifOfSize(300).arrayBuffer(), 'foto.gif', 'image/gif'),
    );
    const replaced = await operatore.request(
      'POST',
      `/upload/files/${picture?.id}/replace`,
      form('<html><script>alert(1)</script></html>', 'sostituto.gif', 'image/gif'),
    );
    expect(replaced.status).toBe(400);
  });

  it('serves uploaded files with sniffing off, no script, and PDFs as attachments', async () => {
    const [picture] = await operatore.json<{ url: string }[]>(
      'POST',
      '/upload',
      form(await gifOfSize(300).arrayBuffer(), 'foto.gif', 'image/gif'),
    );
    const [pdf] = await staff.json<{ url: string }[]>(
      'POST',
      '/upload',
      form(PDF, 'attestazione.pdf', 'application/pdf'),
    );
    // A picture under a page's name is stored as what it is.
    const [disguised] = await staff.json<{ url: string; name: string; mime: string }[]>(
      'POST',
      '/upload',
      form(await gifOfSize(300).arrayBuffer(), 'pagina.html', 'text/html'),
    );
    for (const file of [picture, pdf, disguised]) {
      const response = await fetch(`${settings.cms.url}${file?.url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain('sandbox');
      expect(policy).not.toMatch(/script-src/);
    }
    const pdfResponse = await fetch(`${settings.cms.url}${pdf?.url}`);
    expect(pdfResponse.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(pdfResponse.headers.get('content-type')).toBe('application/pdf');
    expect(disguised).toMatchObject({ name: 'pagina.gif', mime: 'image/gif' });
    expect(disguised?.url).toMatch(/\.gif$/);
    const disguisedResponse = await fetch(`${settings.cms.url}${disguised?.url}`);
    expect(disguisedResponse.headers.get('content-type')).toBe('image/gif');
    const pictureResponse = await fetch(`${settings.cms.url}${picture?.url}`);
    expect(pictureResponse.headers.get('content-type')).toBe('image/gif');
    expect(pictureResponse.headers.get('content-disposition')).toBeNull();
  });

  it('sends the admin exactly the configured policy: scripts and connections only to its own origin', async () => {
    for (const target of ['/admin', '/admin/users/me', '/api/regions', '/_health']) {
      const response = await fetch(`${settings.cms.url}${target}`);
      const policy = response.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        policy.split(';').map((directive) => {
          const [name = '', ...sources] = directive.trim().split(/\s+/);
          return [name, sources.join(' ')] as const;
        }),
      );
      expect(directives.get('connect-src'), target).toBe("'self'");
      expect(directives.get('script-src'), target).toBe("'self'");
      expect(directives.get('default-src'), target).toBe("'self'");
      expect(directives.get('object-src'), target).toBe("'none'");
      expect(policy, target).not.toMatch(/https:|strapi\.io|cdn\.jsdelivr/);
    }
  });

  it('never fetches a URL from the server into the library, whatever the address looks like', async () => {
    const inbox = settings.smtp.inboxUrl ?? '';
    const port = new URL(inbox).port;
    const addresses = [
      `http://0.0.0.0:${port}/api/email`,
      `http://[::]:${port}/api/email`,
      `http://127.1:${port}/api/email`,
      `http://2130706433:${port}/api/email`,
      `http://0x7f.0.0.1:${port}/api/email`,
      `http://[::ffff:127.0.0.1]:${port}/api/email`,
      `http://localhost:${port}/api/email`,
      'https://example.org/immagine.png',
    ];
    const before = await fileCount();
    for (const session of [operatore, staff, superAdmin]) {
      for (const url of addresses) {
        const response = await session.request('POST', '/upload/actions/upload-from-urls', { urls: [url] });
        expect(response.status, url).toBe(403);
      }
    }
    expect(await fileCount()).toBe(before);
  });
});
