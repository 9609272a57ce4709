/**
 * `npm run render:reports [-- --out DIR]`: exports the HTML and Word reports of the seed notices (real parses,
 * a few annotations, an override, the 花山镇 comparison), converts the .docx with LibreOffice headless and prints
 * the HTML with Chromium, then turns every PDF page into a PNG to look at (default output: report-output/).
 * Arguments that are not flags pick reports by name (`huashan`, `guzhen-2025`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toDocx, toHtml } from '@/lib/export/index';
import { seedReviews } from './lib/seed-reviews';
import { docxToPdf, htmlToPdf, pdfPages, pdfToPngs } from './lib/report-render';

function outDir(): string {
  const flag = process.argv.indexOf('--out');
  if (flag > 0 && process.argv[flag + 1]) return path.resolve(process.argv[flag + 1]);
  return path.resolve(import.meta.dirname, '../report-output');
}

async function main(): Promise<void> {
  // Chromium prints the HTML, LibreOffice converts the .docx, poppler makes the PNGs: installed when missing
  const setup = spawnSync('node', [path.resolve(import.meta.dirname, 'setup-browsers.mjs'), '--chromium', '--libreoffice'], { stdio: 'inherit' });
  if (setup.status !== 0) process.exit(1);
  const out = outDir();
  mkdirSync(out, { recursive: true });
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--') && a !== process.argv[process.argv.indexOf('--out') + 1]);
  for (const { name, review } of seedReviews().filter((s) => only.length === 0 || only.some((o) => s.name.includes(o)))) {
    const htmlPath = path.join(out, `${name}.html`);
    const docxPath = path.join(out, `${name}.docx`);
    writeFileSync(htmlPath, toHtml(review));
    writeFileSync(docxPath, await toDocx(review));
    const wordPdf = docxToPdf(docxPath, out);
    const htmlPdf = await htmlToPdf(htmlPath, path.join(out, `${name}-html.pdf`));
    for (const [pdf, stem] of [[wordPdf, `${name}-docx`], [htmlPdf, `${name}-html`]] as const) {
      const pages = pdfPages(pdf);
      const pngs = pdfToPngs(pdf, out, stem);
      const sizes = [...new Set(pages.map((p) => `${p.widthMm}×${p.heightMm}mm`))].join(', ');
      console.log(`${stem}: ${pages.length} pages (${sizes})`);
      for (const png of pngs) console.log(`  ${png}`);
    }
  }
}

await main();
