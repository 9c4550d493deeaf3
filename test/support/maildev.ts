/**
 * The one client of MailDev's REST API (the SMTP catcher of development and tests): what the
 * platform sent, as the recipients would read it.
 */
export type Mail = {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string; name?: string }[];
  headers: Record<string, string | string[]>;
};

export type Inbox = {
  /** Every message, oldest first; none while MailDev does not answer. */
  all: () => Promise<Mail[]>;
  /** The messages with `address` among their recipients, oldest first. */
  to: (address: string) => Promise<Mail[]>;
  /**
   * Polls until at least `count` messages to `address` have `subject` in their subject, and returns
   * them all, oldest first; fails with what the inbox holds after `timeoutMs`.
   */
  waitFor: (address: string, subject: string, options?: { count?: number; timeoutMs?: number }) => Promise<Mail[]>;
  /** Deletes every message. */
  clear: () => Promise<void>;
};

const POLL_MS = 200;

export const maildevInbox = (inboxUrl: string): Inbox => {
  const all = async (): Promise<Mail[]> => {
    const response = await fetch(`${inboxUrl}/api/email`).catch(() => null);
    return response?.ok ? ((await response.json()) as Mail[]) : [];
  };
  const to = async (address: string): Promise<Mail[]> =>
    (await all()).filter((mail) => mail.to.some((recipient) => recipient.address === address));

  return {
    all,
    to,
    waitFor: async (address, subject, { count = 1, timeoutMs = 30_000 } = {}) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await to(address)).filter((mail) => mail.subject.includes(subject));
        if (found.length >= count) return found;
        if (Date.now() > deadline) {
          const subjects = (await to(address)).map((mail) => mail.subject);
          throw new Error(
            `no ${count} e-mail(s) "${subject}" to ${address} within ${timeoutMs} ms; received: ${JSON.stringify(subjects)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
    clear: async () => {
      await fetch(`${inboxUrl}/api/email/all`, { method: 'DELETE' });
    },
  };
};
