import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { describeRange, locate } from '@/lib/anchor';
const t = readFileSync('/work/wt-anchoring/test/fixtures/seeds/guzhen-town-2025-09-12.txt', 'utf8');
it('dbg', () => {
  const at = t.indexOf('2.中共中山市古镇镇古三村');
  const sel = describeRange(t, at, at + 7);
  const ls = t.lastIndexOf('\n', at - 1) + 1; const le = t.indexOf('\n', at) + 1;
  const edited = t.slice(0, ls) + t.slice(le);
  console.log(JSON.stringify(sel.quote), JSON.stringify(locate(edited, sel)), JSON.stringify(edited.slice(26150, 26300)));
});
