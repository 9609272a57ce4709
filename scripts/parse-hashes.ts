/**
 * Output fingerprint of the parser: sha256 of (normalized text, offset map, JSON of the Notice) for every
 * seed, every real notice and synthetic notices of 1 kB / 10 kB / 100 kB / 1 MB, one line per input.
 * Used to prove a speed change leaves the output byte-identical: run before and after, diff the files.
 *
 *   node --import tsx scripts/parse-hashes.ts > hashes.txt
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { parseNotice } from '../lib/parse/index';
import { loadSeeds, syntheticNotice } from './bench-parse';

const REAL_DIR = new URL('../test/fixtures/real/', import.meta.url);
const TODAY = '2026-11-30';

function fingerprint(text: string): string {
  const r = parseNotice(text, { today: TODAY });
  const h = createHash('sha256');
  h.update(r.text);
  h.update(Buffer.from(r.toOriginal.buffer, r.toOriginal.byteOffset, r.toOriginal.byteLength));
  h.update(JSON.stringify(r.notice));
  return h.digest('hex');
}

const seeds = loadSeeds();
const real = readdirSync(REAL_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: `real/${f}`, text: readFileSync(new URL(f, REAL_DIR), 'utf8') }));
const synthetic = [1_000, 10_000, 100_000, 1_000_000].map((n) => ({ name: `synthetic-${n}`, text: syntheticNotice(n, seeds) }));
for (const { name, text } of [...seeds, ...real, ...synthetic]) console.log(`${fingerprint(text)}  ${name}`);
