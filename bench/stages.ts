/**
 * Where one item's scoring time goes, stage by stage (a speed engineer's tool, not a figure to quote):
 *
 *   npx tsx bench/stages.ts [--set FILE] [--reps 70]
 *
 * Each stage runs over the whole set `reps` times and is timed by this process's CPU time. The lexicon matcher
 * remembers only the last text, so a stage run item after item pays for each item's lexicon pass (the label says
 * so): subtract the LEXICON.matchText line to see the stage's own cost.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scoreItem } from '../lib/score';
import { buildDoc } from '../lib/score/document';
import { featureDots } from '../lib/score/features';
import { ruleParts } from '../lib/score/index';
import { LEXICON, MODEL_LEXICON } from '../lib/score/lexicon';
import { tokens } from '../lib/score/lexicon-data';
import { abuseRules } from '../lib/score/rules/abuse';
import { confidentialRules } from '../lib/score/rules/confidential';
import { reputationRules } from '../lib/score/rules/reputation';
import { applySchoolDecision, denseFeatures, maskedClean, schoolView, shippedSchoolModel } from '../lib/score/school-model';

const { values: args } = parseArgs({ options: { set: { type: 'string', default: 'data/eval/items.jsonl' }, reps: { type: 'string', default: '70' } } });
const items = readFileSync(args.set!, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { title?: string; text?: string })
  .map((i) => ({ title: i.title ?? '', text: i.text ?? '' }));
const reps = Number(args.reps);
const model = shippedSchoolModel();
const docs = items.map((i) => buildDoc(i.title, i.text));
const parts = items.map((i) => ruleParts(i));
const forget = () => {
  tokens(' ');
  LEXICON.matchText(' ');
  MODEL_LEXICON.matchText(' ');
};
const w4 = new Float64Array(4);
const stages: [string, (i: number) => void][] = [
  ['scoreItem (all)', (i) => scoreItem(items[i]!)],
  ['scoreItem (no school model)', (i) => scoreItem(items[i]!, undefined, { schoolModel: false })],
  ['ruleParts', (i) => ruleParts(items[i]!)],
  ['ruleParts+applySchoolDecision', (i) => applySchoolDecision(model, ruleParts(items[i]!), 0.5)],
  ['denseFeatures (+ lexicon pass)', (i) => { LEXICON.matchText(parts[i]!.doc.clean.text); denseFeatures(parts[i]!, 0, [0, 0, 0]); }],
  ['maskedClean', (i) => maskedClean(parts[i]!.doc)],
  ['buildDoc', (i) => buildDoc(items[i]!.title, items[i]!.text)],
  ['tokens', (i) => { tokens(' '); tokens(docs[i]!.clean.text); }],
  ['LEXICON.matchText', (i) => { forget(); LEXICON.matchText(docs[i]!.clean.text); }],
  ['MODEL_LEXICON.matchText', (i) => { forget(); MODEL_LEXICON.matchText(docs[i]!.clean.text); }],
  ['abuseRules (+ lexicon pass)', (i) => { LEXICON.matchText(docs[i]!.clean.text); abuseRules(docs[i]!); }],
  ['confidentialRules (+ lexicon pass)', (i) => { LEXICON.matchText(docs[i]!.clean.text); confidentialRules(docs[i]!); }],
  ['reputationRules (+ lexicon pass)', (i) => { LEXICON.matchText(docs[i]!.clean.text); reputationRules(docs[i]!); }],
  ['featureDots (+ model lexicon pass)', (i) => { MODEL_LEXICON.matchText(parts[i]!.doc.clean.text); featureDots(model.w, 4, parts[i]!.doc.raw, maskedClean(parts[i]!.doc), w4); }],
  ['schoolView (+ both lexicon passes)', (i) => { LEXICON.matchText(parts[i]!.doc.clean.text); MODEL_LEXICON.matchText(parts[i]!.doc.clean.text); schoolView(model, parts[i]!); }],
];
for (let r = 0; r < 3; r++) for (const [, f] of stages) for (let i = 0; i < items.length; i++) f(i);
// rounds over every stage in turn, each stage's best round kept: the machine is shared, and the least disturbed
// round is the steadiest figure for comparing stages
const rounds = 7;
const best = stages.map(() => Infinity);
for (let r = 0; r < rounds; r++) {
  stages.forEach(([, f], k) => {
    const c0 = process.cpuUsage();
    for (let p = 0; p < Math.max(1, Math.round(reps / rounds)); p++) for (let i = 0; i < items.length; i++) f(i);
    const c = process.cpuUsage(c0);
    best[k] = Math.min(best[k]!, (c.user + c.system) / (Math.max(1, Math.round(reps / rounds)) * items.length));
  });
}
stages.forEach(([name], k) => console.log(`${name.padEnd(36)} ${best[k]!.toFixed(1).padStart(7)} µs/item (CPU, best of ${rounds} rounds)`));
