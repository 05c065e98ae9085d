/**
 * An explicit insult said of a school role ("the head teacher is an idiot") is abuse wherever it stands, even inside a
 * long news report whose words and reputation findings pull the school model's abuse stacker down (CHANGELOG 0.6.0,
 * known regressions). The school model reads the kind (roleInsult) and its file may let it decide alone, at a level
 * the trainer chooses out of fold (scripts/lib-eval/thresholds.ts). Only the writer's own insult of someone at this
 * school is the kind: not one negated, denied, quoted, reported, asked, set in a lesson or story, or said of another
 * school's staff, another body or a titled person the item does not put at the school.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSchoolsFile } from '../../lib/score/assess';
import { assessItem } from '../../lib/score/assess';
import { ruleParts } from '../../lib/score/index';
import { encodeSparse } from '../../lib/score/classifier';
import { HASH_BITS } from '../../lib/score/features';
import { aimedAbuse, DENSE_FEATURES, loadSchoolModel, roleInsult, shippedSchoolModel, type SchoolFamilyFile, type SchoolModelFile } from '../../lib/score/school-model';
import { chooseFamilyThreshold, type ThresholdSearch } from '../../scripts/lib-eval/thresholds';

const schools = loadSchoolsFile([{ id: 'northgate', name: 'Northgate Park Academy', timezone: 'Europe/London' }]);
const schoolNames = ['Northgate Park Academy'];

/** The paragraphs of the capture pipeline's news article (test/support/page-server.ts), as page text. */
const para = (n: number) =>
  `Paragraph ${n}. Parents gathered outside Northgate Park Academy in Harlow Fen on Tuesday afternoon after a letter about the school's future was sent home. Several said they had not been consulted, and one described the meeting as "chaotic". The trust said it would respond to concerns in writing.`;
const ARTICLE = [
  'Parents protest at Northgate Park Academy after Ofsted downgrade',
  'By Jo Reporter · 29 November 2026',
  'Northgate Park Academy was rated inadequate by Ofsted inspectors last month, and the head teacher is an idiot according to a parent who spoke to the Gazette. Staff morale is said to be low.',
  ...[1, 2, 3, 4, 5, 6].map(para),
].join('\n');

const strength = (text: string) => roleInsult(ruleParts({ title: '', text }, undefined, { notNames: schoolNames }));

describe('insults said of a school role', () => {
  it('the shipped model flags a parent\'s insult of the head quoted in a long news report as abuse, beside the protest', () => {
    const r = assessItem({ id: 'a', school: 'northgate', text: ARTICLE }, schools);
    expect(r.families).toContain('abuse');
    expect(r.categories.map((c) => c.id)).toContain('abuse.disparaging');
    expect(r.categories.map((c) => c.id)).toContain('reputation.protest');
  });

  it('finds the kind: an insult noun predicated of a school role, by role or title', () => {
    expect(strength('Northgate Park Academy was rated inadequate, and the head teacher is an idiot according to a parent.')).toBeGreaterThanOrEqual(0.85);
    expect(strength('The Year 6 teachers at Northgate are a bunch of idiots.')).toBeGreaterThan(0);
    expect(strength('Mrs Patel at Northgate Park Academy is a complete idiot.')).toBeGreaterThan(0);
  });

  it('is not the kind when the insult is quoted, reported, aimed at someone else or denied', () => {
    // quoted to condemn it
    expect(strength("The maths dept is a mess but that's a management issue, not a 'Miss Harper is a div' issue at Northgate.")).toBe(0);
    expect(strength('People repeat the "Northgate teachers are all idiots" line from that graffiti. Grow up.')).toBe(0);
    // what others called them, with no role as the subject
    expect(strength('Fresh graffiti near Northgate Park Academy calling the teachers idiots. Council cleaning it.')).toBe(0);
    // someone else
    expect(strength('Some idiot in a white van doing 40 past the gates of Northgate Park Academy again.')).toBe(0);
    // negated
    expect(strength('The head teacher at Northgate Park Academy is not an idiot, whatever the Facebook lot say.')).toBe(0);
  });
});

describe('a reported insult the writer then endorses is the writer\'s own', () => {
  it('"someone called Mrs X a \'slag\' and she is one" is the kind; the same report condemned or left bare is not', () => {
    expect(strength("Someone called Mrs Hollins at Northgate Park Academy a 'slag' and she is one.")).toBeGreaterThanOrEqual(0.85);
    expect(strength('Somebody called the head at Northgate an idiot and fair enough, he is one.')).toBeGreaterThan(0);
    expect(strength("Someone called Mrs Hollins at Northgate Park Academy a 'slag'. Disgusting, reported.")).toBe(0);
    expect(strength("Someone called Mrs Hollins at Northgate Park Academy a 'slag'.")).toBe(0);
    expect(strength("Someone called Mrs Hollins at Northgate Park Academy a 'slag' and she is not one.")).toBe(0);
  });
});

describe('a role insult counts only as the writer\'s own, of someone at this school', () => {
  it('is not the kind when denied, asked, reported, taught or set in a novel', () => {
    expect(strength('It is simply untrue that the teachers are lazy idiots, the convener said.')).toBe(0);
    expect(strength('Would anyone really say the teachers are a bunch of idiots after a night like this?')).toBe(0);
    expect(strength('I cannot understand why anyone would claim the head teacher is an idiot when she has done so much for us?')).toBe(0);
    expect(strength('"My dad says teachers are idiots," her essay began, before explaining why she now wants to become one.')).toBe(0);
    expect(strength('S4 pupils read a novel in which the teacher is a coward and a liar.')).toBe(0);
    expect(strength('Pupils were taught that comments like the teachers are idiots are never acceptable.')).toBe(0);
  });

  it('a denial inside a glowing prize-giving report flags no abuse', () => {
    const report = [
      'Northgate Park Academy held its annual prize-giving on Thursday evening in the main hall, with pupils, parents and staff filling every seat.',
      'Awards went to pupils for music, sport, science and kindness, and the school choir performed two songs to loud applause.',
      'It is simply untrue that the teachers are lazy idiots, the convener said.',
      'The head teacher thanked families for their support and said she was proud of every pupil who had worked so hard this year.',
    ].join(' ');
    expect(assessItem({ id: 'p', school: 'northgate', text: report }, schools).families).not.toContain('abuse');
  });

  it('is not the kind when said of another school, a fictional titled person or another body\'s governors', () => {
    expect(strength('Our choir sang at Parkview Academy, where they said the head teacher is a total idiot.')).toBe(0);
    expect(strength('Pupils at Northgate Park Academy acted scenes from The Simpsons, in which Mr Burns is a villain.')).toBe(0);
    expect(strength('The film night at Northgate Park Academy ended with a comedy where Mr Bean is an idiot.')).toBe(0);
    expect(strength('The governors of the football club are a bunch of idiots.')).toBe(0);
  });

  it('is still the kind of this school\'s staff, an unqualified role, or a titled person with school words', () => {
    expect(strength('The head teacher at Northgate Park Academy is a total idiot.')).toBeGreaterThan(0);
    expect(strength('Honestly the teachers are a bunch of idiots.')).toBeGreaterThan(0);
    expect(strength('My son is in Year 5 at Northgate. His teacher Mr Dane is an idiot.')).toBeGreaterThan(0);
  });
});

const aimed = (text: string) => aimedAbuse(ruleParts({ title: '', text }, undefined, { notNames: schoolNames }));

describe('explicit abuse aimed at someone at the school (a stacker input)', () => {
  it('is an endorsed quoted insult, a veiled threat about a named person\'s property, a vouched claim of wrongdoing', () => {
    expect(aimed("Someone called Mrs Hollins at Northgate Park Academy a 'slag' and she is one.")).toBeGreaterThanOrEqual(0.85);
    expect(aimed('Mr Dane at Northgate Park Academy has a lovely new van. Be a shame if anything happened to it.')).toBeGreaterThanOrEqual(0.85);
    expect(aimed('It is my understanding that the bursar at Northgate Park Academy helped himself to the trip money.')).toBeGreaterThanOrEqual(0.7);
    // a role insult is the kind too
    expect(aimed('Mrs Patel at Northgate Park Academy is a complete idiot.')).toBeGreaterThanOrEqual(strength('Mrs Patel at Northgate Park Academy is a complete idiot.'));
  });

  it('is not the kind when the words are condemned, denied, aimed outside the school or name no one there', () => {
    expect(aimed("Someone called Mrs Hollins at Northgate Park Academy a 'slag'. Disgusting.")).toBe(0);
    expect(aimed("Northgate Park Academy's library is lovely. It would be a shame if it closed.")).toBe(0);
    expect(aimed('Funny how Ofsted always turn up the week after half term. Draw your own conclusions.')).toBe(0);
    expect(aimed('Some idiot in a white van doing 40 past the gates of Northgate Park Academy again.')).toBe(0);
  });

  it('an insinuation aimed at Ofsted is read as discounted, not as the writer\'s hostility to the school', () => {
    const parts = ruleParts({ title: '', text: 'Funny how Ofsted always turn up the week after half term. Draw your own conclusions.' }, undefined, { notNames: schoolNames });
    expect(parts.abuse.discounted).toBe(true);
    expect(parts.abuse.hostile).toBe(false);
  });
});

const threat = (text: string) => ruleParts({ title: '', text }, undefined, { notNames: schoolNames }).findings.find((f) => f.category === 'abuse.threat')?.confidence ?? 0;

describe('a veiled threat about a named person\'s property', () => {
  it('is a threat aimed at that person, as strong as an explicit one', () => {
    expect(threat('Mr Dane at Northgate Park Academy has a lovely new van. Be a shame if anything happened to it.')).toBeGreaterThanOrEqual(0.92);
    expect(threat("Mrs Cole's new car is parked by the gates every day. Be a shame if anything happened to it.")).toBeGreaterThanOrEqual(0.92);
  });

  it('stays a veiled threat when no named person\'s thing is in view, and a school building\'s closure is no threat', () => {
    expect(threat('Be a shame if anything happened to it.')).toBeLessThan(0.92);
    expect(threat("Northgate Park Academy's library is lovely. It would be a shame if it closed.")).toBe(0);
  });
});

const shippedJson = JSON.parse(readFileSync('lib/score/model/school-model.json', 'utf8')) as SchoolModelFile;
/** A family that never flags on its own (zero n-gram weights, a very negative stacker bias). */
function silentFamily(over: Partial<SchoolFamilyFile> = {}): SchoolFamilyFile {
  const enc = encodeSparse(new Int8Array(1 << HASH_BITS));
  return { bias: 0, scale: 1, nonZero: enc.count, weights: enc.data, stack: DENSE_FEATURES.map(() => 0), stackBias: -20, threshold: 0.5, strong: null, ...over };
}
const fileWith = (abuse: SchoolFamilyFile): SchoolModelFile => ({ ...shippedJson, families: { abuse, confidential: silentFamily(), reputation: silentFamily() } });

describe('the role-insult level in a model file', () => {
  const text = 'Northgate Park Academy was rated inadequate by Ofsted, and the head teacher is an idiot according to a parent who spoke to the Gazette.';
  const graffiti = 'Fresh graffiti near Northgate Park Academy calling the teachers idiots. Council cleaning it.';

  it('decides alone when the file sets it, whatever the stacker says, and only for the kind', () => {
    const vetoing = loadSchoolModel(fileWith(silentFamily()));
    expect(assessItem({ id: 'a', school: 'northgate', text }, schools, { schoolModel: vetoing }).families).toEqual([]);
    const level = loadSchoolModel(fileWith(silentFamily({ strongRoleInsult: 0.85 })));
    const r = assessItem({ id: 'a', school: 'northgate', text }, schools, { schoolModel: level });
    expect(r.families).toEqual(['abuse']);
    expect(r.categories[0]!.id).toBe('abuse.disparaging');
    expect(assessItem({ id: 'b', school: 'northgate', text: graffiti }, schools, { schoolModel: level }).families).toEqual([]);
  });

  it('refuses a level outside 0..1, saying what to do', () => {
    expect(() => loadSchoolModel(fileWith(silentFamily({ strongRoleInsult: 1.5 })))).toThrow(/insults said of a school role must be between 0 and 1.*npm run train:school/);
  });
});

describe('the role-insult level belongs to abuse only', () => {
  it('refuses it on another family, saying what to do', () => {
    const file: SchoolModelFile = { ...shippedJson, families: { abuse: silentFamily(), confidential: silentFamily({ strongRoleInsult: 0.85 }), reputation: silentFamily() } };
    expect(() => loadSchoolModel(file)).toThrow(/"confidential".*insults said of a school role.*abuse only.*npm run train:school/);
  });
});

describe('choosing the role-insult level out of fold', () => {
  const search: ThresholdSearch = { strong: [null], strongKind: [0.85, null], alone: 'off', keep: 'off', beta: 1, objective: 'fbeta' };
  const rows = (list: [p: number, kind: number, y: number][]) => ({ p: list.map((r) => r[0]), rule: list.map((r) => r[1]), kind: list.map((r) => r[1]), y: list.map((r) => r[2]), w: list.map(() => 1) });

  it('keeps the level when it costs nothing on the predictions, and when it recovers what the stacker misses', () => {
    expect(chooseFamilyThreshold(rows([[0.9, 0.85, 1], [0.8, 0.85, 1], [0.1, 0, 0], [0.2, 0, 0]]), search).strongKind).toBe(0.85);
    const c = chooseFamilyThreshold(rows([[0.9, 0.85, 1], [0.05, 0.85, 1], [0.1, 0, 0], [0.2, 0, 0]]), search);
    expect(c.strongKind).toBe(0.85);
    expect(c.recall).toBe(1);
  });

  it('drops it when what it flags alone is mostly false alarms', () => {
    const c = chooseFamilyThreshold(rows([[0.9, 0.85, 1], [0.05, 0.85, 0], [0.05, 0.85, 0], [0.1, 0, 0]]), search);
    expect(c.strongKind).toBeNull();
    expect(c.precision).toBe(1);
  });
});
