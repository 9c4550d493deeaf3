// Render times through real Carbone and LibreOffice: `npm run bench:reports` from the repository root.
import { performance } from 'node:perf_hooks';
import { completeSocialReport, practiceCatalogue } from '../src/fixtures/fixtures.ts';
import { closeRenderer, renderPracticeCatalogue, renderSocialReport, type RenderedDocument } from '../src/index.ts';

const RUNS = 20;

const timed = async (render: () => Promise<RenderedDocument>): Promise<{ ms: number; bytes: number }> => {
  const start = performance.now();
  const document = await render();
  return { ms: performance.now() - start, bytes: document.bytes.length };
};

const percentile = (sorted: number[], share: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? NaN;

const series = async (label: string, goalMs: number, render: () => Promise<RenderedDocument>): Promise<boolean> => {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const result = await timed(render);
    times.push(result.ms);
    bytes = result.bytes;
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  const met = p95 <= goalMs;
  console.log(
    `${label.padEnd(44)} p50 ${p50.toFixed(0).padStart(6)} ms  p95 ${p95.toFixed(0).padStart(6)} ms  goal ≤ ${goalMs} ms ${met ? 'met' : 'MISSED'}  (${(bytes / 1024).toFixed(0)} KiB)`,
  );
  return met;
};

const socialReport = await completeSocialReport();
const catalogue = await practiceCatalogue(40, 2);
const draft = { ...socialReport, approvalDate: null, depositDate: null };
console.log(`Node ${process.version}, ${RUNS} renders per series, LibreOffice kept warm between renders`);

try {
  const cold = await timed(() => renderSocialReport(socialReport, 'pdf'));
  console.log(`${'social report PDF/A-1b, cold (LibreOffice starts)'.padEnd(44)} ${cold.ms.toFixed(0).padStart(6)} ms`);
  const results = [
    await series('social report PDF/A-1b, warm', 1000, () => renderSocialReport(socialReport, 'pdf')),
    await series('social report draft (BOZZA) PDF/A-1b, warm', 1000, () => renderSocialReport(draft, 'pdf')),
    await series('social report ODT, warm', 300, () => renderSocialReport(socialReport, 'odt')),
    await series('catalogue of 40 practices with photos, PDF/A', 10_000, () =>
      renderPracticeCatalogue(catalogue, 'pdf'),
    ),
  ];
  process.exitCode = results.every(Boolean) ? 0 : 1;
} finally {
  await closeRenderer();
}
