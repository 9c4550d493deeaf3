/**
 * Lighthouse on the portal's home, catalogue, practice, organisation and published social report
 * pages, in Debian's Chromium, against a
 * running portal (by default the one `npm start` serves). Prints the performance and accessibility
 * scores (median of the runs) and fails if any is below the bar.
 *
 *   npm run bench:portal                         # http://127.0.0.1:4321, 3 runs per page
 *   npm run bench:portal -- http://127.0.0.1:4400 --runs 1
 *
 * Lighthouse's defaults are kept: a mid-range phone on a slow 4G network, simulated throttling.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, chromiumPath } from '../support/chromium.ts';

const BAR = 95;
const CATEGORIES = ['performance', 'accessibility'] as const;

type Category = (typeof CATEGORIES)[number];
type Scores = Record<Category, number>;

const args = process.argv.slice(2);
const runsFlag = args.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(args[runsFlag + 1]) : 3;
const baseUrl = (
  args.find((arg) => /^https?:\/\//.test(arg)) ??
  process.env.PORTAL_URL ??
  'http://127.0.0.1:4321'
).replace(/\/$/, '');

/** A published practice to measure: the first the catalogue lists. */
const practicePath = async (): Promise<string> => {
  const html = await (await fetch(`${baseUrl}/pratiche`)).text();
  const slug = /href="\/pratiche\/([^"?#]+)"/.exec(html)?.[1];
  if (!slug) throw new Error(`no practice listed at ${baseUrl}/pratiche: is the search index filled?`);
  return `/pratiche/${slug}`;
};

/** An organisation with a published social report, and that report's page; null when none is published. */
const reportPaths = async (): Promise<{ organisation: string; report: string } | null> => {
  const index = await (await fetch(`${baseUrl}/organizzazioni`)).text();
  const organisations = [...index.matchAll(/href="(\/organizzazioni\/[^"/?#]+)"/g)].map((match) => match[1] ?? '');
  for (const organisation of organisations.slice(0, 40)) {
    const html = await (await fetch(`${baseUrl}${organisation}`)).text();
    const report = /href="(\/organizzazioni\/[^"]+\/bilanci\/\d{4})"/.exec(html)?.[1];
    if (report) return { organisation, report };
  }
  return null;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const chrome = await launch({ chromePath: chromiumPath, chromeFlags: ['--headless=new', ...chromiumFlags] });

const published = await reportPaths();
if (!published) console.log(`No published social report at ${baseUrl}/organizzazioni: its page is not measured`);
const pages = [
  { name: 'home', path: '/' },
  { name: 'catalogue', path: '/pratiche' },
  { name: 'practice', path: await practicePath() },
  ...(published
    ? [
        { name: 'organisation', path: published.organisation },
        { name: 'social report', path: published.report },
      ]
    : []),
];

const results: { name: string; url: string; scores: Scores; lcpMs: number; tbtMs: number }[] = [];
try {
  for (const page of pages) {
    const url = `${baseUrl}${page.path}`;
    const measured: { scores: Scores; lcpMs: number; tbtMs: number }[] = [];
    for (let run = 0; run < runs; run += 1) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories, audits } = result.lhr;
      measured.push({
        scores: {
          performance: Math.round((categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        },
        lcpMs: audits['largest-contentful-paint']?.numericValue ?? 0,
        tbtMs: audits['total-blocking-time']?.numericValue ?? 0,
      });
    }
    results.push({
      name: page.name,
      url,
      scores: {
        performance: median(measured.map((entry) => entry.scores.performance)),
        accessibility: median(measured.map((entry) => entry.scores.accessibility)),
      },
      lcpMs: median(measured.map((entry) => entry.lcpMs)),
      tbtMs: median(measured.map((entry) => entry.tbtMs)),
    });
  }
} finally {
  chrome.kill();
}

console.log(`Lighthouse ${runs > 1 ? `(median of ${runs} runs) ` : ''}on ${baseUrl}, bar ${BAR}:`);
console.table(
  results.map((result) => ({
    page: result.name,
    path: result.url.slice(baseUrl.length),
    performance: result.scores.performance,
    accessibility: result.scores.accessibility,
    'LCP (ms)': Math.round(result.lcpMs),
    'TBT (ms)': Math.round(result.tbtMs),
  })),
);
const below = results.flatMap((result) =>
  CATEGORIES.filter((category) => result.scores[category] < BAR).map(
    (category) => `${result.name} ${category} ${result.scores[category]}`,
  ),
);
if (below.length > 0) {
  console.error(`Below ${BAR}: ${below.join(', ')}`);
  process.exitCode = 1;
}
