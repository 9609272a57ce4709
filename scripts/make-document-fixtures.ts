/**
 * Regenerates the Word/PDF fixtures in test/fixtures/documents from a seed notice:
 *
 *   node --import tsx scripts/make-document-fixtures.ts
 *
 * Needs LibreOffice (`apt-get install -y libreoffice-writer-nogui`) and a CJK font (fonts-wqy-zenhei).
 * - mazhang.docx      the 麻章镇 seed as a Word document: title, 一、/（一） headings, paragraphs with the
 *                     公文 first-line indent, a running header and a `— N —` page-number footer (`docx` package)
 * - mazhang.pdf       the same document printed to PDF by LibreOffice (real text layer, several pages)
 * - legacy.doc        the same document saved as old binary Word (.doc) by LibreOffice
 * - encrypted.pdf     the PDF with an open password (LibreOffice export option)
 * - image-only.docx   a Word document holding only a picture (a "scan")
 * - scanned.pdf       that document printed to PDF: pages without a text layer
 * - many-pages.pdf    a 200-page PDF (hand-written minimal PDF syntax, a page number on each page)
 * - unembedded-font.pdf  the notice's opening set in the non-embedded Adobe font STSong-Light with the
 *                     UniGB-UCS2-H encoding (as iText-style report generators write it): readable only
 *                     with pdf.js's Chinese CMaps
 * - junk.bin          2 KiB of pseudo-random bytes; empty.txt  an empty file
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { AlignmentType, Document, Footer, Header, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, TextRun } from 'docx';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'test/fixtures/documents');
const SEED = join(ROOT, 'test/fixtures/seeds/mazhang-town-2024-09-25.txt');

/** 公文 style: every paragraph but the title starts with a two-character first-line indent (twips). */
const FIRST_LINE_INDENT = { firstLine: 440 };

/** Seed lines → Word paragraphs: the two title lines as the title, outline markers as headings. */
function seedParagraphs(seed: string): Paragraph[] {
  const lines = seed.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.map((line, i) => {
    if (i < 2) return new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(line)] });
    if (/^[一二三四五六七八九十]+、/.test(line)) return new Paragraph({ heading: HeadingLevel.HEADING_1, indent: FIRST_LINE_INDENT, children: [new TextRun(line)] });
    if (/^（[一二三四五六七八九十]+）/.test(line)) return new Paragraph({ heading: HeadingLevel.HEADING_2, indent: FIRST_LINE_INDENT, children: [new TextRun(line)] });
    return new Paragraph({ indent: FIRST_LINE_INDENT, children: [new TextRun(line)] });
  });
}

function pageFurniture() {
  return {
    headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('麻章镇巡察整改情况通报')] })] }) },
    footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
  };
}

/** A grey 240×120 PNG with a few dark bars: stands in for a scanned page (no text anywhere). */
function scanPng(): Buffer {
  const w = 240;
  const h = 120;
  const raw = Buffer.alloc((w + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w + 1)] = 0;
    for (let x = 0; x < w; x++) raw[y * (w + 1) + 1 + x] = y % 20 < 6 && x > 20 && x < 220 ? 40 : 220;
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Serializes numbered PDF objects (index = object number, 1 = catalog) with a valid xref table. */
function writePdf(objects: string[]): Buffer {
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(pdf, 'latin1');
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A minimal valid PDF of `n` pages, each showing its page number in Helvetica. */
function manyPagesPdf(n: number): Buffer {
  const objects: string[] = [];
  const pageIds = Array.from({ length: n }, (_, i) => 4 + 2 * i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${n} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pageIds.forEach((id, i) => {
    const stream = `BT /F1 12 Tf 280 40 Td (${i + 1}) Tj ET`;
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  return writePdf(objects);
}

/** Lines of CJK text in the non-embedded STSong-Light (Adobe-GB1) font, UniGB-UCS2-H encoded: one page. */
function unembeddedFontPdf(lines: string[]): Buffer {
  const ucs2 = (line: string) => [...line].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const stream = lines.map((line, i) => `BT /F1 12 Tf 56 ${780 - i * 20} Td <${ucs2(line)}> Tj ET`).join('\n');
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
  objects[3] = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>';
  objects[4] = '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>';
  objects[5] = '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 6 0 R /DW 1000 >>';
  objects[6] = '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';
  objects[7] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  return writePdf(objects);
}

/** Hard-wraps text at `width` characters (a fixed-pitch CJK page). */
function hardWrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
}

function soffice(args: string[], cwd: string): void {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(cwd, 'profile')}`, ...args], { cwd, stdio: 'pipe', timeout: 120_000 });
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'rl-docs-'));
  try {
    const notice = new Document({ sections: [{ ...pageFurniture(), children: seedParagraphs(readFileSync(SEED, 'utf8')) }] });
    writeFileSync(join(OUT, 'mazhang.docx'), await Packer.toBuffer(notice));
    const scan = new Document({ sections: [{ children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: scanPng(), transformation: { width: 480, height: 240 } })] })] }] });
    writeFileSync(join(OUT, 'image-only.docx'), await Packer.toBuffer(scan));

    for (const f of ['mazhang.docx', 'image-only.docx']) copyFileSync(join(OUT, f), join(work, f));
    soffice(['--convert-to', 'pdf', 'mazhang.docx', 'image-only.docx'], work);
    copyFileSync(join(work, 'mazhang.pdf'), join(OUT, 'mazhang.pdf'));
    copyFileSync(join(work, 'image-only.pdf'), join(OUT, 'scanned.pdf'));
    soffice(['--convert-to', 'doc', 'mazhang.docx'], work);
    copyFileSync(join(work, 'mazhang.doc'), join(OUT, 'legacy.doc'));
    const encrypt = JSON.stringify({ EncryptFile: { type: 'boolean', value: 'true' }, DocumentOpenPassword: { type: 'string', value: 'zhenggai' } });
    soffice(['--convert-to', `pdf:writer_pdf_Export:${encrypt}`, '--outdir', 'enc', 'mazhang.docx'], work);
    copyFileSync(join(work, 'enc/mazhang.pdf'), join(OUT, 'encrypted.pdf'));

    writeFileSync(join(OUT, 'many-pages.pdf'), manyPagesPdf(200));
    const seedLines = readFileSync(SEED, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    writeFileSync(join(OUT, 'unembedded-font.pdf'), unembeddedFontPdf([`${seedLines[0]}${seedLines[1]}`, ...hardWrap(seedLines[2], 38)]));
    let seed = 0x2f6b;
    writeFileSync(join(OUT, 'junk.bin'), Buffer.from(Array.from({ length: 2048 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff)));
    writeFileSync(join(OUT, 'empty.txt'), '');
    console.log(`wrote the document fixtures to ${OUT}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
