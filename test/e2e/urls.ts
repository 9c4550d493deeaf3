const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through playwright.config.ts`);
  return value;
};

export const cmsUrl = (): string => required('E2E_CMS_URL');
export const portalUrl = (): string => required('E2E_PORTAL_URL');
export const adminCredentials = (): { email: string; password: string } => ({
  email: required('E2E_ADMIN_EMAIL'),
  password: required('E2E_ADMIN_PASSWORD'),
});
export const inboxUrl = (): string => required('E2E_INBOX_URL');
export const demoPassword = (): string => required('E2E_DEMO_PASSWORD');
