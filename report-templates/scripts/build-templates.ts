// Packages every Flat ODT template into dist/templates/*.odt, for people who want to open them in
// LibreOffice; the renderer builds the same bytes in memory on first use.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildTemplate, TEMPLATE_NAMES } from '../src/template-build.ts';

const outDir = fileURLToPath(new URL('../dist/templates/', import.meta.url));
await mkdir(outDir, { recursive: true });
for (const name of TEMPLATE_NAMES) {
  const bytes = await buildTemplate(name);
  await writeFile(`${outDir}${name}.odt`, bytes);
  console.log(`${name}.odt  ${bytes.length} byte`);
}
