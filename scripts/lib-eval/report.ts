/** Counting assessments against the shared eval format's expectations. */
import type { Assessment } from '../../lib/score/assess';
import type { Family } from '../../lib/score/types';
import type { EvalItem } from './datasets';
import { count, emptyCounts, prf, type Counts } from './metrics';

export interface EvalReport {
  items: number;
  flagged: Counts;
  families: Record<Family, Counts>;
  familyExact: number;
  mentionCorrect: number;
  confusion: { id: string; kind: 'miss' | 'false alarm' | 'wrong family' | 'mention'; detail: string }[];
}

const FAMILIES: Family[] = ['abuse', 'confidential', 'reputation'];

export function expectedFamilies(item: EvalItem): Family[] {
  const f = item.expect.family;
  if (!item.expect.flag || f === null) return [];
  return f === 'both' ? ['abuse', 'confidential'] : [f];
}

export function evaluate(items: EvalItem[], results: Assessment[]): EvalReport {
  const report: EvalReport = {
    items: items.length,
    flagged: emptyCounts(),
    families: { abuse: emptyCounts(), confidential: emptyCounts(), reputation: emptyCounts() },
    familyExact: 0,
    mentionCorrect: 0,
    confusion: [],
  };
  items.forEach((item, i) => {
    const r = results[i]!;
    const expectedMention = item.expect.mentioned;
    if (r.mentioned === expectedMention) report.mentionCorrect++;
    else report.confusion.push({ id: item.id, kind: 'mention', detail: `expected mentioned=${expectedMention}: ${r.match?.reason ?? ''}` });
    const flagged = r.mentioned && r.flagged;
    count(report.flagged, flagged, item.expect.flag);
    const want = expectedFamilies(item);
    const got = flagged ? r.families : [];
    for (const f of FAMILIES) count(report.families[f], got.includes(f), want.includes(f));
    const exact = want.length === got.length && want.every((f) => got.includes(f));
    if (exact) report.familyExact++;
    const why = r.categories.map((c) => `${c.id}: ${c.reason}`).join(' | ') || 'nothing found';
    if (item.expect.flag && !flagged) report.confusion.push({ id: item.id, kind: 'miss', detail: `expected ${item.expect.family}; score ${r.score}; ${snippet(item)}` });
    else if (!item.expect.flag && flagged) report.confusion.push({ id: item.id, kind: 'false alarm', detail: `${why}; ${snippet(item)}` });
    else if (flagged && !exact) report.confusion.push({ id: item.id, kind: 'wrong family', detail: `expected ${item.expect.family}, got ${got.join('+')}; ${why}` });
  });
  return report;
}

function snippet(item: EvalItem): string {
  const s = [item.title, item.text].filter(Boolean).join(' / ');
  return `"${s.length > 110 ? `${s.slice(0, 107)}...` : s}"`;
}

export function formatReport(name: string, r: EvalReport): string {
  const f = prf(r.flagged);
  const lines = [
    `${name}: ${r.items} items`,
    `  flagged      precision ${f.precision.toFixed(3)}  recall ${f.recall.toFixed(3)}  F1 ${f.f1.toFixed(3)}  (tp ${r.flagged.tp}, fp ${r.flagged.fp}, fn ${r.flagged.fn}, tn ${r.flagged.tn})`,
  ];
  for (const fam of FAMILIES) {
    const m = prf(r.families[fam]);
    lines.push(`  ${fam.padEnd(12)} precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  F1 ${m.f1.toFixed(3)}`);
  }
  lines.push(`  family exact ${(r.familyExact / r.items).toFixed(3)}`);
  lines.push(`  mention accuracy ${(r.mentionCorrect / r.items).toFixed(3)}`);
  if (r.confusion.length) {
    lines.push('  confusion:');
    for (const c of r.confusion) lines.push(`    ${c.id} ${c.kind}: ${c.detail}`);
  }
  return lines.join('\n');
}
