// Checks hand-written notice labels (<name>.label.json next to <name>.txt) against their text:
// every quote and evidence is an exact substring, quotes appear in text order (so a quote's first
// occurrence lies inside its own item), evidence lies inside its item (or, for a section-level
// status, before it), statuses and dates are well-formed. Usage: node scripts/check-labels.mjs [dir…]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const STATUSES = new Set(['done', 'in_progress', 'long_term', 'unclear', null]);
const PRECISE_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function isLastDayDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number);
  return mo >= 1 && mo <= 12 && d === new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function checkMeta(meta, problems) {
  for (const key of ['title', 'organization', 'inspectionBody', 'feedbackDate', 'publishDate']) {
    if (!(key in meta)) problems.push(`meta.${key} missing`);
  }
  for (const key of ['feedbackDate', 'publishDate']) {
    if (meta[key] != null && !PRECISE_DATE.test(meta[key])) problems.push(`meta.${key} bad date ${meta[key]}`);
  }
  const period = meta.inspectionPeriod;
  if (period != null && !(PRECISE_DATE.test(period.start) && PRECISE_DATE.test(period.end))) {
    problems.push(`meta.inspectionPeriod bad ${JSON.stringify(period)}`);
  }
}

function checkItems(text, items, problems, notes) {
  const starts = items.map((item) => text.indexOf(item.quote));
  items.forEach((item, i) => {
    const where = `item ${i + 1} «${item.quote}»`;
    if (starts[i] < 0) return problems.push(`${where}: quote not in text`);
    if ([...item.quote].length < 6 || [...item.quote].length > 40) problems.push(`${where}: quote length`);
    if (i > 0 && starts[i] <= starts[i - 1]) problems.push(`${where}: first occurrence not after previous item's`);
    if (!STATUSES.has(item.status)) problems.push(`${where}: bad status ${item.status}`);
    for (const d of item.deadlines ?? []) if (!isLastDayDate(d)) problems.push(`${where}: deadline ${d} not a last-day ISO date`);
    if (item.status === null) return;
    if (typeof item.evidence !== 'string') return problems.push(`${where}: evidence missing`);
    const end = i + 1 < items.length && starts[i + 1] > 0 ? starts[i + 1] : text.length;
    const inside = text.slice(starts[i], end).includes(item.evidence);
    if (inside) return;
    const before = text.lastIndexOf(item.evidence, starts[i]);
    if (before >= 0) notes.push(`${where}: evidence «${item.evidence}» is before the item (section-level status)`);
    else problems.push(`${where}: evidence «${item.evidence}» not inside the item`);
  });
}

const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['test/fixtures/seeds', 'test/fixtures/real'];
let failed = 0;
for (const dir of dirs) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.label.json')).sort()) {
    const label = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const text = readFileSync(join(dir, file.replace(/\.label\.json$/, '.txt')), 'utf8');
    const problems = [];
    const notes = [];
    for (const key of ['url', 'source', 'notice', 'complete', 'meta', 'items']) {
      if (!(key in label)) problems.push(`${key} missing`);
    }
    checkMeta(label.meta ?? {}, problems);
    checkItems(text, label.items ?? [], problems, notes);
    const counts = {};
    for (const item of label.items ?? []) counts[item.status] = (counts[item.status] ?? 0) + 1;
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${file}: ${label.items?.length ?? 0} items ${JSON.stringify(counts)}`);
    for (const line of [...problems, ...notes]) console.log(`     ${line}`);
    if (problems.length) failed++;
  }
}
process.exit(failed ? 1 : 0);
