import { ReportRenderError } from './errors.ts';

/**
 * `interactive`: a signed-in person is waiting for this document (a Responsabile's social report,
 * the redazione's catalogue). `public`: an anonymous download (a practice sheet, a published report).
 */
export type RenderPriority = 'interactive' | 'public';

export const DEFAULT_PUBLIC_LIMIT = 8;
/** Signed-in people are few; the bound only guards against a runaway client. */
const INTERACTIVE_LIMIT = 64;

/** Too many renders already wait: refused at once, before any work is done for it. */
export class RenderQueueFullError extends ReportRenderError {
  constructor(waiting: number) {
    super('QUEUE_FULL', `Troppi documenti in preparazione (${waiting} in attesa): riprovare tra qualche secondo`);
    this.name = 'RenderQueueFullError';
  }
}

type Job = { run: () => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * The one line in front of LibreOffice: a render at a time, interactive renders before every
 * public one still waiting, so a signed-in person waits at most for the render under way. Public
 * renders wait in a bounded queue: past the limit they are refused at once.
 */
export const createRenderQueue = () => {
  const waiting: Record<RenderPriority, Job[]> = { interactive: [], public: [] };
  let running = false;

  const next = (): void => {
    if (running) return;
    const job = waiting.interactive.shift() ?? waiting.public.shift();
    if (!job) return;
    running = true;
    void Promise.resolve()
      .then(job.run)
      .then(job.resolve, job.reject)
      .finally(() => {
        running = false;
        next();
      });
  };

  return {
    run<T>(priority: RenderPriority, render: () => Promise<T>, limits: { publicLimit?: number | undefined } = {}) {
      const line = waiting[priority];
      const limit = priority === 'public' ? (limits.publicLimit ?? DEFAULT_PUBLIC_LIMIT) : INTERACTIVE_LIMIT;
      if (line.length >= limit) return Promise.reject(new RenderQueueFullError(line.length));
      return new Promise<T>((resolve, reject) => {
        line.push({ run: render, resolve: resolve as (value: unknown) => void, reject });
        next();
      });
    },
    /** Renders waiting (not the one under way). */
    get waiting(): Record<RenderPriority, number> {
      return { interactive: waiting.interactive.length, public: waiting.public.length };
    },
  };
};

/** The process's queue: there is one warm LibreOffice per process. */
export const renderQueue = createRenderQueue();
