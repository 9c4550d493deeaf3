// Renders through real Carbone and LibreOffice and reads the outputs as a person would.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { convertOdt, renderFolder } from './engine.ts';
import {
  closeRenderer,
  renderPracticeCatalogue,
  renderPracticeSheet,
  renderSocialReport,
  ReportRenderError,
  type RenderedDocument,
} from './index.ts';
import { pageTexts, pdfFacts, redPixelsInHeaders } from './pdf-inspection.ts';
import { createRenderQueue, RenderQueueFullError } from './render-queue.ts';
import { readZip } from './zip.ts';
import * as fixtures from './fixtures/fixtures.ts';
import { SECTION_TITLES } from './social-report/mandatory-items.ts';

const run = promisify(execFile);
const artifacts = new URL('../../test/artifacts/reports/', import.meta.url).pathname;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'report-templates-test-'));
const TIMEOUT = 90_000;

const pdfText = async (document: RenderedDocument): Promise<string> => {
  const file = path.join(scratch, `${Date.now()}-${document.fileName}`);
  writeFileSync(file, document.bytes);
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout.replace(/\u00a0/g, ' ');
};

/** Keeps the first page as a PNG test artefact and returns the number of pages drawn. */
const drawFirstPage = async (document: RenderedDocument, artefact: string): Promise<number> => {
  const file = path.join(scratch, document.fileName);
  writeFileSync(file, document.bytes);
  mkdirSync(artifacts, { recursive: true });
  await run('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    path.join(artifacts, artefact),
  ]);
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
};

const entries = (document: RenderedDocument): Map<string, Buffer> =>
  new Map(readZip(document.bytes).map((entry) => [entry.name, entry.data]));

const caught = async (promise: Promise<unknown>): Promise<ReportRenderError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ReportRenderError) return error;
    throw error;
  }
  throw new Error('the render was expected to fail');
};

const expectRendersAgain = async (): Promise<void> => {
  const pdf = await renderSocialReport(fixtures.workIntegrationReport(), 'pdf');
  expect(await pdfText(pdf)).toContain('Terre del Mincio Cooperativa Sociale');
};

afterAll(async () => {
  await closeRenderer();
  rmSync(scratch, { recursive: true, force: true });
});

describe('social report', () => {
  it(
    'renders a complete report as PDF: name, the eight sections, Italian figures and dates, comparison, page numbers',
    { timeout: TIMEOUT },
    async () => {
      const pdf = await renderSocialReport(await fixtures.completeSocialReport(), 'pdf', {
        now: new Date('2025-05-02T10:00:00Z'),
      });
      expect(pdf.contentType).toBe('application/pdf');
      expect(pdf.fileName).toBe('bilancio-sociale-2024-navigli-insieme-cooperativa-sociale.pdf');
      const text = await pdfText(pdf);
      expect(text).toContain('Navigli Insieme Cooperativa Sociale');
      expect(text).toContain('Bilancio sociale 2024');
      for (const [index, title] of SECTION_TITLES.entries()) {
        // Once in the table of contents with its page number, once as the section's heading.
        expect(text).toMatch(
          new RegExp(`${index + 1}\\. ${title.replace(/[()]/g, '\\$&').slice(0, 30)}.*\\.{5,}\\s*\\d+`),
        );
        expect(text.split(`${index + 1}. ${title.split(' ').slice(0, 3).join(' ')}`).length).toBeGreaterThanOrEqual(3);
      }
      expect(text).toContain('1.234.567,89 €');
      expect(text).toContain('Approvato dall’assemblea dei soci il 29 aprile 2025');
      // An approved report dates itself by its approval, not by when it was printed.
      expect(text).not.toContain('generat');
      expect(text).not.toContain('BOZZA');
      expect(text).toMatch(/Lavoratori\s+108\s+98\s+\+10,2%/);
      expect(text).toMatch(/1:2,45 \(limite 1:8\): entro il limite di legge/);
      expect(text).toMatch(/Pagina 3 di \d+/);
      expect(text).not.toContain('{d.');
      expect(await drawFirstPage(pdf, 'social-report')).toBeGreaterThan(10);
    },
  );

  it(
    'renders an ODT with the logo and the charts under Pictures/, which LibreOffice reads back',
    { timeout: TIMEOUT },
    async () => {
      const data = await fixtures.completeSocialReport();
      const odt = await renderSocialReport(data, 'odt');
      expect(odt.contentType).toBe('application/vnd.oasis.opendocument.text');
      const files = entries(odt);
      expect(files.get('mimetype')?.toString()).toBe('application/vnd.oasis.opendocument.text');
      const pictures = [...files.keys()].filter((name) => name.startsWith('Pictures/'));
      expect(pictures).toHaveLength(3);
      const manifest = files.get('META-INF/manifest.xml')?.toString() ?? '';
      for (const picture of pictures) expect(manifest).toContain(`manifest:full-path="${picture}"`);
      const content = files.get('content.xml')?.toString() ?? '';
      expect(content).not.toContain('office:binary-data');
      expect(content).toContain('svg:title>Logo di Navigli Insieme Cooperativa Sociale<');
      expect(content).toContain('Grafico: ricavi e proventi per fonte nel 2024 confrontati con il 2023');
      // The logo keeps its 480×300 proportions inside its 6×5 cm box.
      expect(content).toMatch(/draw:name="Immagine 1"[^>]*svg:width="6\.000cm" svg:height="3\.750cm"/);
      const pngs = pictures
        .map((name) => files.get(name)!)
        .filter((bytes) => bytes.subarray(1, 4).toString() === 'PNG');
      expect(pngs).toHaveLength(3);
      execFileSync(
        '/usr/bin/python3',
        ['-c', 'import sys, xml.dom.minidom as m; m.parseString(sys.stdin.buffer.read())'],
        { input: content },
      );
      const back = await convertOdt(odt.bytes, 'pdf', {});
      expect(await pdfText({ ...odt, bytes: back, fileName: 'back.pdf' })).toContain(
        'Navigli Insieme Cooperativa Sociale',
      );
    },
  );

  it('renders DOCX with the pictures', { timeout: TIMEOUT }, async () => {
    const docx = await renderSocialReport(await fixtures.completeSocialReport(), 'docx');
    expect(docx.fileName).toMatch(/\.docx$/);
    const files = entries(docx);
    expect(files.get('word/document.xml')?.toString()).toContain('Navigli Insieme Cooperativa Sociale');
    expect([...files.keys()].filter((name) => name.startsWith('word/media/')).length).toBeGreaterThanOrEqual(3);
  });

  it(
    'shows the work integration of a tipo B cooperative and survives a missing logo and last year',
    { timeout: TIMEOUT },
    async () => {
      const data = fixtures.workIntegrationReport();
      expect(data.organisation.logo).toBeUndefined();
      const text = await pdfText(await renderSocialReport(data, 'pdf'));
      expect(text).toContain('Inserimento lavorativo di persone svantaggiate');
      expect(text).toMatch(
        /I lavoratori svantaggiati sono 19 su 52, pari al 36,5% dei lavoratori: sopra il\s+minimo del 30%/,
      );
      expect(text).toContain('Non è disponibile il bilancio sociale dell’anno precedente');
      expect(text).not.toContain('Organizzazioni associate al consorzio');
    },
  );

  it("lists a consortium's members and gives the reason of an omitted item", { timeout: TIMEOUT }, async () => {
    const text = await pdfText(await renderSocialReport(fixtures.consortiumReport(), 'pdf'));
    expect(text).toContain('Organizzazioni associate al consorzio');
    expect(text).toMatch(/Il Sentiero Cooperativa Sociale\s+Non ancora presentato/);
    expect(text).toMatch(/Ricavi delle associate\s+5\.608\.300,00 €/);
    expect(text).toContain('Volontari: voce non compilata. Motivo: Il consorzio non si avvale di volontari propri.');
    expect(text).not.toContain('Inserimento lavorativo di persone svantaggiate');
  });
});

describe('documents to deposit: PDF/A', () => {
  const expectPdfA1b = async (pdf: Buffer, title: string, author: string) => {
    const facts = await pdfFacts(pdf);
    expect(facts.pdfa).toEqual({ part: '1', conformance: 'B' });
    expect(facts.version).toBe('1.4');
    expect(facts.tagged).toBe(true);
    expect(facts.language).toBe('it-IT');
    expect(facts.title).toBe(title);
    expect(facts.author).toBe(author);
    expect(facts.fonts.length).toBeGreaterThan(0);
    expect(facts.fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(facts.softMasks).toBe(0);
    return facts;
  };

  it(
    'renders the social report as tagged PDF/A-1b with its title, author, year and language, text intact',
    { timeout: TIMEOUT },
    async () => {
      const pdf = await renderSocialReport(await fixtures.completeSocialReport(), 'pdf');
      const facts = await expectPdfA1b(
        pdf.bytes,
        'Bilancio sociale 2024 · Navigli Insieme Cooperativa Sociale',
        'Navigli Insieme Cooperativa Sociale',
      );
      expect(facts.keywords).toContain('2024');
      expect(facts.subject).toContain('esercizio 2024');
      const text = (await pageTexts(pdf.bytes)).join('\n');
      expect(text).toContain('1.234.567,89 €');
      expect(text).toMatch(/Lavoratori\s+108\s+98\s+\+10,2%/);
    },
  );

  it('renders the practice sheet and the catalogue as PDF/A-1b too', { timeout: TIMEOUT }, async () => {
    const sheet = await fixtures.practiceSheet();
    const sheetPdf = await renderPracticeSheet(sheet, 'pdf');
    await expectPdfA1b(sheetPdf.bytes, `Scheda pratica innovativa: ${sheet.title}`, sheet.organisation.name);
    expect((await pageTexts(sheetPdf.bytes)).join(' ').replace(/\s+/g, ' ')).toContain(sheet.title);
    const catalogue = await renderPracticeCatalogue(await fixtures.practiceCatalogue(3, 1), 'pdf');
    const facts = await expectPdfA1b(
      catalogue.bytes,
      'Catalogo delle pratiche selezionate · I edizione del Think Tank SEnt',
      'Think Tank SEnt',
    );
    expect(facts.keywords).toContain('2026');
  });

  it('gives PDF/A-2b, or plain tagged PDF, when configured so', { timeout: TIMEOUT }, async () => {
    const data = fixtures.workIntegrationReport();
    const twoB = await pdfFacts((await renderSocialReport(data, 'pdf', { pdfa: '2b' })).bytes);
    expect(twoB.pdfa).toEqual({ part: '2', conformance: 'B' });
    expect(twoB.fonts.filter((font) => !font.embedded)).toEqual([]);
    const plain = await pdfFacts((await renderSocialReport(data, 'pdf', { pdfa: 'off' })).bytes);
    expect(plain.pdfa).toBeNull();
    expect(plain.tagged).toBe(true);
    const wrong = await caught(renderSocialReport(data, 'pdf', { pdfa: '3u' as never }));
    expect(wrong.message).toContain('Profilo PDF "3u" non previsto (REPORT_PDFA): scegliere tra 1b, 2b e off');
  });

  it(
    'marks every page of a report not yet approved as BOZZA, and dates only the approved one by its approval',
    { timeout: TIMEOUT },
    async () => {
      const approved = await fixtures.completeSocialReport();
      const draft = { ...approved, approvalDate: null, depositDate: null };
      const draftPdf = (await renderSocialReport(draft, 'pdf', { now: new Date('2025-03-02T10:00:00Z') })).bytes;
      const pages = await pageTexts(draftPdf);
      expect(pages.length).toBeGreaterThan(10);
      pages.forEach((page, index) =>
        expect({ page: index + 1, marked: page.includes('BOZZA — non valida per il deposito') }).toEqual({
          page: index + 1,
          marked: true,
        }),
      );
      expect(pages[0]).toContain('Bozza generata il 2 marzo 2025');
      expect(pages[0]).not.toContain('Approvato');
      // Drawn as a person sees it: a red mark in the header of every page.
      const red = await redPixelsInHeaders(draftPdf);
      expect(red).toHaveLength(pages.length);
      for (const pixels of red) expect(pixels).toBeGreaterThan(20);
      expect((await pdfFacts(draftPdf)).subject).toContain('BOZZA');

      const approvedPdf = (await renderSocialReport(approved, 'pdf')).bytes;
      expect((await redPixelsInHeaders(approvedPdf)).every((pixels) => pixels === 0)).toBe(true);
      const cover = (await pageTexts(approvedPdf))[0] ?? '';
      expect(cover).toContain('Approvato dall’assemblea dei soci il 29 aprile 2025');
      expect(cover).toContain('C.F. 08123450155');
      expect(cover).not.toMatch(/generat/);
    },
  );

  it(
    "lists the control body's attestation in section 8, or that there is none and why",
    { timeout: TIMEOUT },
    async () => {
      const data = await fixtures.completeSocialReport();
      const attested = await pageTexts(
        (
          await renderSocialReport(
            {
              ...data,
              depositProtocol: 'MI/2025/0012345',
              attestation: {
                kind: 'attestation',
                bodyName: 'Collegio sindacale',
                date: '2025-04-10',
                fileName: 'attestazione-2024.pdf',
              },
            },
            'pdf',
          )
        ).bytes,
      );
      const section8 = attested.slice(attested.findIndex((page) => page.includes('8. Monitoraggio svolto'))).join('\n');
      expect(section8).toMatch(/Organo di controllo\s+Collegio sindacale/);
      expect(section8).toContain('Rilasciata il 10 aprile 2025, allegata al bilancio sociale');
      expect(section8).toContain('Documenti allegati');
      expect(section8.replace(/\s+/g, ' ')).toContain(
        'Attestazione di conformità dell’organo di controllo (Collegio sindacale, 10 aprile 2025): file attestazione-2024.pdf',
      );
      expect(attested[0]).toContain(
        'Depositato al Registro delle imprese il 20 giugno 2025, protocollo n. MI/2025/0012345',
      );

      const none = (
        await pageTexts(
          (
            await renderSocialReport(
              { ...data, attestation: { kind: 'no-control-body', reason: 'Non supera i limiti dell’art. 2477 c.c.' } },
              'pdf',
            )
          ).bytes,
        )
      ).join('\n');
      expect(none).toMatch(/Organo di controllo\s+Non nominato/);
      expect(none).toMatch(/Motivo\s+Non supera i limiti dell’art. 2477 c.c./);
      expect(none).not.toContain('Documenti allegati');
    },
  );

  it(
    '"Dati in sintesi" compares figures entered only: no zero, no change for a figure left empty',
    { timeout: TIMEOUT },
    async () => {
      const data = await fixtures.completeSocialReport();
      // Next year's report as it starts: the rows are there, their figures not yet.
      const report = structuredClone(data.report);
      report.year = 2025;
      report.people = {
        ...report.people,
        staff: (report.people?.staff ?? []).map((group) => ({ ...group, women: null, men: null })),
      };
      report.economics = {
        ...report.economics,
        revenues: (report.economics?.revenues ?? []).map((line) => ({ ...line, amount: null })),
        totalCosts: null,
      };
      const pdf = await renderSocialReport({ ...data, report, previousYear: data.report }, 'pdf', {
        allowIncomplete: true,
      });
      const text = (await pageTexts(pdf.bytes)).join('\n');
      expect(text).toMatch(/Lavoratori\s+—\s+108\s*\n/);
      expect(text).toMatch(/Ricavi e proventi totali\s+—\s+[\d.]+,\d{2} €\s*\n/);
      expect(text).toMatch(/Costi totali\s+—\s+[\d.]+,\d{2} €\s*\n/);
      expect(text).not.toMatch(/Lavoratori\s+0\b/);
      // Figures entered keep their comparison.
      expect(text).toMatch(/Soci\s+\d+\s+\d+\s+(invariato|[+−-][\d,]+%)/);
    },
  );
});

describe('the render queue', () => {
  it(
    "puts a signed-in person's report before anonymous downloads: it waits at most for the one under way",
    { timeout: TIMEOUT },
    async () => {
      const sheet = await fixtures.practiceSheet();
      const report = await fixtures.completeSocialReport();
      const finished: string[] = [];
      const publicRenders = Array.from({ length: 5 }, (_, index) =>
        renderPracticeSheet({ ...sheet, title: `${sheet.title} ${index}` }, 'pdf', { priority: 'public' }).then(() =>
          finished.push(`scheda ${index}`),
        ),
      );
      // Asked for after all five: it must come out second, right after the sheet already converting.
      const own = renderSocialReport(report, 'pdf', { priority: 'interactive' }).then(() => finished.push('bilancio'));
      await Promise.all([...publicRenders, own]);
      expect(finished.indexOf('bilancio')).toBeLessThanOrEqual(1);
      expect(finished).toHaveLength(6);
    },
  );

  it('refuses anonymous renders beyond its bound at once, and keeps serving', async () => {
    const queue = createRenderQueue();
    let release: () => void = () => undefined;
    const blocker = queue.run('public', () => new Promise<void>((resolve) => (release = resolve)));
    const waiting = [1, 2].map((n) => queue.run('public', () => Promise.resolve(n), { publicLimit: 2 }));
    await expect(queue.run('public', () => Promise.resolve(3), { publicLimit: 2 })).rejects.toBeInstanceOf(
      RenderQueueFullError,
    );
    await expect(queue.run('public', () => Promise.resolve(3), { publicLimit: 2 })).rejects.toMatchObject({
      code: 'QUEUE_FULL',
      message: 'Troppi documenti in preparazione (2 in attesa): riprovare tra qualche secondo',
    });
    // A signed-in person still gets in, ahead of the anonymous ones.
    const order: string[] = [];
    const own = queue.run('interactive', () => Promise.resolve(order.push('interactive')));
    void Promise.all(waiting).then(() => order.push('public'));
    release();
    await Promise.all([blocker, own, ...waiting]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['interactive', 'public']);
    expect(queue.waiting).toEqual({ interactive: 0, public: 0 });
  });
});

describe('practice documents', () => {
  it('renders a practice card like the survey form, with logo and photos', { timeout: TIMEOUT }, async () => {
    const sheet = await fixtures.practiceSheet();
    const pdf = await renderPracticeSheet(sheet, 'pdf', { now: new Date('2026-02-10T09:00:00Z') });
    const text = await pdfText(pdf);
    expect(text).toContain('Mappa delle pratiche innovative');
    expect(text).toContain('Assemblee di valle: la governance che va incontro');
    expect(text).toMatch(/Cooperativa proponente\s+Il Sentiero Cooperativa Sociale/);
    expect(text).toContain('☒ Pratiche organizzative per il potenziamento della');
    expect(text).toContain('Scheda generata il 10 febbraio 2026');
    expect(await drawFirstPage(pdf, 'practice-sheet')).toBeGreaterThanOrEqual(2);
    const odt = entries(await renderPracticeSheet(sheet, 'odt'));
    const pictures = [...odt.keys()].filter((name) => name.startsWith('Pictures/'));
    expect(pictures.filter((name) => name.endsWith('.png'))).toHaveLength(1);
    expect(pictures.filter((name) => name.endsWith('.jpg'))).toHaveLength(2);
  });

  it('renders the catalogue grouped by innovation area, each with its definition', { timeout: TIMEOUT }, async () => {
    const catalogue = await fixtures.practiceCatalogue(12, 1);
    const pdf = await renderPracticeCatalogue(catalogue, 'pdf');
    const text = await pdfText(pdf);
    const areas = [...new Set(catalogue.practices.map((practice) => practice.innovationArea.name))];
    expect(areas.length).toBeGreaterThan(1);
    const flat = text.replace(/\s+/g, ' ');
    for (const area of catalogue.areas.filter((candidate) => areas.includes(candidate.name))) {
      expect(flat).toContain(area.name);
      expect(flat).toContain(area.definition.slice(0, 80));
    }
    for (const practice of catalogue.practices) expect(flat).toContain(practice.title);
    expect(flat).toContain('Pubblicato il 15 marzo 2026');
    expect(await drawFirstPage(pdf, 'practice-catalogue')).toBeGreaterThan(12);
  });
});

describe('errors', () => {
  it('refuses missing required data with the field named, then renders again', { timeout: TIMEOUT }, async () => {
    const data = await fixtures.completeSocialReport();
    data.organisation.name = ' ';
    const noName = await caught(renderSocialReport(data, 'pdf'));
    expect(noName.name).toBe('InvalidDataError');
    expect(noName.code).toBe('DATA_INVALID');
    expect(noName.message).toContain("manca il nome dell'organizzazione");

    const incomplete = fixtures.workIntegrationReport();
    incomplete.report.otherInfo = { ...incomplete.report.otherInfo, disputes: '' };
    const noReason = await caught(renderSocialReport(incomplete, 'odt'));
    expect(noReason.message).toContain('"Contenziosi e controversie" (sezione 7, Altre informazioni)');
    const draft = await renderSocialReport(incomplete, 'odt', { allowIncomplete: true });
    expect(entries(draft).get('content.xml')?.toString()).toContain(
      'Contenziosi e controversie: voce obbligatoria non ancora compilata.',
    );

    const sheet = await fixtures.practiceSheet();
    const noContact = await caught(renderPracticeSheet({ ...sheet, contact: { fullName: '' } }, 'odt'));
    expect(noContact.message).toContain('manca il referente del progetto');
    await expectRendersAgain();
  });

  it('refuses a logo that is not a picture', { timeout: TIMEOUT }, async () => {
    const sheet = await fixtures.practiceSheet();
    sheet.organisation.logo = { bytes: Buffer.from('not a picture'), alt: 'Logo' };
    const error = await caught(renderPracticeSheet(sheet, 'pdf'));
    expect(error.code).toBe('IMAGE_INVALID');
    expect(error.message).toContain('logo di Il Sentiero Cooperativa Sociale');
  });

  it('names a broken template, then renders again', { timeout: TIMEOUT }, async () => {
    const source = readFileSync(new URL('../templates/practice-sheet.fodt', import.meta.url), 'utf8');
    const unknownFormatter = mkdtempSync(path.join(scratch, 'templates-'));
    writeFileSync(
      path.join(unknownFormatter, 'practice-sheet.fodt'),
      source.replace('{d.practice.title}', '{d.practice.title:inMaiuscolo}'),
    );
    const formatterError = await caught(
      renderPracticeSheet(await fixtures.practiceSheet(), 'pdf', { templatesDir: unknownFormatter }),
    );
    expect(formatterError.name).toBe('TemplateError');
    expect(formatterError.code).toBe('TEMPLATE_INVALID');
    expect(formatterError.message).toMatch(/Modello "practice-sheet" non valido: .*inMaiuscolo/);

    const truncated = mkdtempSync(path.join(scratch, 'templates-'));
    writeFileSync(path.join(truncated, 'practice-sheet.fodt'), source.slice(0, source.indexOf('</table:table>')));
    const xmlError = await caught(
      renderPracticeSheet(await fixtures.practiceSheet(), 'odt', { templatesDir: truncated }),
    );
    expect(xmlError.message).toMatch(/XML non valido \(<.*> aperto alla riga \d+ e mai chiuso\)/);
    await expectRendersAgain();
  });

  it('says when LibreOffice is not installed where configured, then renders again', { timeout: TIMEOUT }, async () => {
    const error = await caught(
      renderSocialReport(fixtures.workIntegrationReport(), 'pdf', {
        libreOfficeProgramDir: '/opt/nessun-libreoffice/program',
      }),
    );
    expect(error.name).toBe('LibreOfficeUnavailableError');
    expect(error.code).toBe('LIBREOFFICE_UNAVAILABLE');
    expect(error.message).toContain('soffice.bin non trovato in /opt/nessun-libreoffice/program');
    // ODT needs no LibreOffice: that output keeps working meanwhile.
    const odt = await renderSocialReport(fixtures.workIntegrationReport(), 'odt', {
      libreOfficeProgramDir: '/opt/nessun-libreoffice/program',
    });
    expect(odt.contentType).toBe('application/vnd.oasis.opendocument.text');
    await expectRendersAgain();
  });

  it(
    'reports a LibreOffice crash during a conversion, then renders again with a new process',
    { timeout: TIMEOUT },
    async () => {
      await expectRendersAgain();
      // The warm LibreOffice is known before the render starts, so the kill lands within moments of
      // the conversion's start, not after a process lookup on a busy machine.
      const offices = execFileSync('pgrep', ['-P', String(process.pid), '-x', 'soffice.bin'])
        .toString()
        .trim()
        .split('\n');
      expect(offices).toHaveLength(1);
      const office = offices[0];
      const catalogue = await fixtures.practiceCatalogue(40, 2);
      const render = caught(renderPracticeCatalogue(catalogue, 'pdf'));
      const folder = renderFolder()!;
      // The conversion is under way once Carbone has handed LibreOffice its intermediate file.
      while (!(existsSync(folder) && readdirSync(folder).some((name) => name.endsWith('_tmp.odt')))) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      process.kill(Number(office), 'SIGKILL');
      const error = await render;
      expect(error.name).toBe('ConversionError');
      expect(error.code).toBe('LIBREOFFICE_CRASHED');
      expect(error.message).toContain('LibreOffice si è interrotto durante la conversione');
      await expectRendersAgain();
    },
  );

  it('gives up a conversion that takes too long, then renders again', { timeout: TIMEOUT }, async () => {
    const error = await caught(
      renderSocialReport(fixtures.workIntegrationReport(), 'pdf', { conversionTimeoutMs: 50 }),
    );
    expect(error.code).toBe('CONVERSION_TIMEOUT');
    expect(error.message).toContain('non ha completato la conversione');
    await expectRendersAgain();
  });
});
