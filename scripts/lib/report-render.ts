/**
 * Turning exported reports into pages a person (or a test) can look at: .docx → PDF with LibreOffice headless,
 * HTML → PDF with Chromium's print (playwright-core), PDF → PNG with pdftoppm, and PDF facts (pages, size,
 * text per page) with poppler's pdfinfo / pdftotext.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE_PATH = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export function hasSoffice(): boolean {
  return existsSync(SOFFICE_PATH);
}

export function hasPoppler(): boolean {
  return spawnSync('pdfinfo', ['-v']).status === 0;
}

/**
 * `soffice --headless --convert-to pdf`, with a throw-away profile so parallel runs (and a desktop LibreOffice)
 * do not lock each other out. Returns the PDF's path, next to `outDir`.
 */
export function docxToPdf(docxPath: string, outDir: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'rl-soffice-'));
  try {
    const r = spawnSync(
      SOFFICE_PATH,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docxPath],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const pdf = path.join(outDir, path.basename(docxPath).replace(/\.docx$/, '.pdf'));
    if (r.status !== 0 || !existsSync(pdf)) throw new Error(`soffice failed (${r.status}): ${r.stderr || r.stdout}`);
    return pdf;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Prints an HTML file to PDF in headless Chromium, honouring the report's own `@page` rules. */
export async function htmlToPdf(htmlPath: string, pdfPath: string): Promise<string> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlPath).href);
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    return pdfPath;
  } finally {
    await browser.close();
  }
}

/** One PNG per page (`<stem>-1.png`, …) at `dpi`; returns their paths in page order. */
export function pdfToPngs(pdfPath: string, outDir: string, stem: string, dpi = 80): string[] {
  for (const f of readdirSync(outDir)) if (f.startsWith(`${stem}-`) && f.endsWith('.png')) rmSync(path.join(outDir, f));
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdfPath, path.join(outDir, stem)]);
  const pageNo = (f: string) => Number(f.slice(stem.length + 1, -4));
  return readdirSync(outDir)
    .filter((f) => f.startsWith(`${stem}-`) && /^\d+$/.test(f.slice(stem.length + 1, -4)) && f.endsWith('.png'))
    .sort((a, b) => pageNo(a) - pageNo(b))
    .map((f) => path.join(outDir, f));
}

export interface PdfPage {
  /** Page size in millimetres, rounded. */
  widthMm: number;
  heightMm: number;
  text: string;
}

const PT_TO_MM = 25.4 / 72;

/** Every page's size (pdfinfo) and text (pdftotext, page by page). */
export function pdfPages(pdfPath: string): PdfPage[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdfPath], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
  return sizes.map(([w, h], i) => ({
    widthMm: Math.round(w * PT_TO_MM),
    heightMm: Math.round(h * PT_TO_MM),
    text: execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdfPath, '-'], { encoding: 'utf8' }),
  }));
}
