/**
 * Train the school-mode decision (lib/score/school-model.ts) and write lib/score/model/school-model.json.
 *
 *   npm run train:school -- [--folds 5] [--functional-weight 0.2] [--tweet-weight 0] [--presidio-weight 0]
 *                           [--epochs 5] [--lr 0.2] [--l2 0.0001] [--ridge 1] [--beta 0.8] [--prune 12] [--abuse-strong chosen|0.85]
 *                           [--balance none|corpus] [--threshold-on independent|all] [--old-data]
 *                           [--alone-robust abuse,confidential,reputation|none] [--alone-FAMILY chosen|off|X] [--alone-floor-FAMILY X]
 *                           [--no-loco | --loco-only] [--dry-run]
 *                           [--write BENCHMARKS.md]   # also write the validation figures into its "school-model" section
 *   experiments: [--cache DIR]      keep stage 1 (n-gram models) by what it depends on; stacker/threshold runs skip the fits
 *                [--nested]         per independent corpus, out of fold, each fold's thresholds chosen on the other folds
 *                                   (a fast honest stand-in for leave-one-corpus-out)
 *                [--quick] [--loco-shard k/n] [--loco-cached-only]   cheaper leave-one-corpus-out runs
 *                [--threshold-weight item|corpus] [--threshold-smooth H] [--objective fbeta|floor --precision-floor 0.93]
 *                [--stack-functional-weight W] [--stack-balance none|corpus] [--abuse-strong|--confidential-strong chosen|none|X]
 *
 * Data (all dev; scripts/lib-eval/school-data.ts): the functional suite's dev templates and its spent
 * held-out halves heldout to heldout-l (expanded by the eval's own loader, lib/functional/load.ts), the
 * project's items, the spent blind sets blind-2026-11-30 to -g, blind-2026-12-01a to -f and blind-2026-12-02a to -h, the shared dev set and every corpus under
 * data/train/<name>/, found by listing the folder; optionally, down-weighted, TweetEval train + Davidson (abuse) and
 * Presidio synthetic PII texts (confidential) for the n-gram models only. Never an unread blind set or half
 * (scripts/lib-eval/spent-sets.ts NEVER).
 * Rule findings are recomputed with the current rules and lexicons and the school's options exactly as
 * assessItem scores (schoolScoreOptions), so re-run this after the rules change.
 *
 * Two stages per family: (1) a hashed n-gram logistic regression over the item's words with the
 * school's names masked; (2) a stacker (Newton logistic regression) over the rule findings, the cues,
 * the tweet classifier's logit and stage 1's logit taken out-of-fold. Folds are grouped: a functional
 * template's cases, or a whole independently written corpus, never straddle folds. Thresholds (and
 * whether strong rule findings decide alone) are chosen on the out-of-fold stacker probabilities of the
 * independent corpora, i.e. on predictions for text whose author the model never saw. A family chooser (one-vs-rest
 * over the out-of-fold stacker logits) resolves a flagged set no label has (confidential + reputation) to one that is.
 *
 * Validation printed: (1) leave-one-corpus-out over the independently written sets (the spent blind sets
 * and data/train/*): the whole pipeline trained without corpus X, X scored through assessItem, beside the
 * previous decision (rules + classifier margin) and the round-3 decision from the same models, per corpus and the mean; (2) grouped cross-validation on
 * the functional dev cases, per functionality; (3) TweetEval val macro-F1 (text alone, report only).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { machineLine, replaceSection } from '../bench/machine';
import { matchSchool } from '../lib/match';
import { assessItem, loadSchoolsFile } from '../lib/score/assess';
import { abuseLogit, encodeSparse } from '../lib/score/classifier';
import { extractFeatures, FEATURE_VERSION, HASH_BITS, leadingWords } from '../lib/score/features';
import { ROBUST_WORDS, withoutWordInputs, withoutWords, chooseFamilySet, CHOOSER_FEATURES, logit, DENSE_FEATURES, FAMILY_SETS, familyThreshold, type FamilyChooserFile, loadSchoolModel, SCHOOL_FAMILIES, SCHOOL_MODEL_VERSION, setModelInputs, stackProbability, type SchoolFamilyFile, type SchoolModel, type SchoolModelFile } from '../lib/score/school-model';
import type { Family } from '../lib/score/types';
import { firstExisting, readDavidson, readJsonl, readTweetEval, type EvalItem } from './lib-eval/datasets';
import { formatReport, evaluate, expectedFamilies } from './lib-eval/report';
import { count, emptyCounts, macroF1, pct, prf } from './lib-eval/metrics';
import { fitDense, fitSparse, mulberry32, sparseLogit, type SparseExample } from './lib-eval/logistic';
import { prepare, schoolCorpora, type Corpus, type Prepared } from './lib-eval/school-data';
import { chooseFamilyThreshold, corpusEqualWeights, type FamilyChoice } from './lib-eval/thresholds';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: firstExisting('../shared/datasets', '../../shared/datasets') },
    'shared-eval': { type: 'string', default: firstExisting('../shared/eval', '../../shared/eval') },
    out: { type: 'string', default: 'lib/score/model/school-model.json' },
    folds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    'functional-weight': { type: 'string', default: '0.2' },
    'tweet-weight': { type: 'string', default: '0' },
    'presidio-weight': { type: 'string', default: '0' },
    epochs: { type: 'string', default: '5' },
    lr: { type: 'string', default: '0.2' },
    l2: { type: 'string', default: '0.0001' },
    ridge: { type: 'string', default: '1' },
    // 0.8 (precision weighed over recall): with 1 or 1.2 the thresholds fall low enough that a weak rule finding plus
    // ordinary words flags ("sports day was suspended"), measured 2026-11-30
    // Round 5, 24 independent corpora, nested out-of-fold mean (each fold's thresholds chosen on the other folds), with
    // the abuse rule level chosen (below): beta 1 P 0.933 R 0.880 family 0.878 against round 4's decision 0.924 / 0.878 /
    // 0.870. With words alone chosen too, beta 0.8 gave 0.952 / 0.907 / 0.905 and beta 1 0.936 / 0.927 / 0.903, but the
    // words alone then flag the contrasts --alone-abuse/-confidential guard (score-kinds tests fail); recall at a
    // per-family precision floor of 0.93 (--objective floor): 0.949 / 0.909 / 0.904
    // Back to 0.8 at the end of round 5: on all 29 independent sets (nested) beta 1 gave 0.933 / 0.876 / 0.877 and 0.8
    // 0.937 / 0.872 / 0.877; only reputation's threshold moves (0.49 at 1, 0.64 at 0.8), and at 0.49 its words alone
    // flagged "pupils are investigating volcanoes" (score-generalise's contrast test).
    beta: { type: 'string', default: '0.8' },
    prune: { type: 'string', default: '12' },
    // abuse rule findings this strong (threats, slurs, insults aimed at a person) stay rule-decided: measured
    // 2026-11-30, the blind leave-one-out is the same with or without, and the n-gram model otherwise vetoes
    // a parent's insult quoted in a news article (news wording is reputation in the dev data)
    // 2026-11-30 round 3: 0.7 for abuse and confidential. Trained on 12 independent corpora the stackers learnt to
    // overturn rule findings of 0.7 (a polite defamation, a sick-leave disclosure beside an insult) that the
    // functional contrasts say are right; leave-one-corpus-out costs little (see BENCHMARKS.md)
    // Round 5 ('chosen': searched over STRONG_CHOICES with the thresholds): on 24 independent corpora, out of fold, the
    // abuse rule findings ≥ 0.7 the stacker put below 0.2 were 54 false alarms to 2 right, the confidential ones 131 to 4
    // (functional halves: 20 to 11 and 66 to 13). Chosen for both (words alone fixed as before, beta 0.8): nested
    // out-of-fold mean P 0.924 → 0.958, R 0.878 → 0.866, family 0.870 → 0.889; at beta 1, 0.948 / 0.875 / 0.888. Chosen
    // for abuse only (confidential stays 0.7: without it a sick-leave disclosure beside an insult loses its confidential
    // family, a score-kinds contrast): 0.933 / 0.880 / 0.878
    'abuse-strong': { type: 'string', default: 'chosen' },
    // the level at which an explicit insult said of a school role ("the head teacher is an idiot", school-model.ts
    // roleInsult) flags abuse whatever the stacker says: 'chosen' (out of fold, over ROLE_INSULT_CHOICES; on equal
    // scores the first level listed is kept, a preference for a rule that says why it flagged, not a measured gain),
    // 'none', or a number
    'role-insult-strong': { type: 'string', default: 'chosen' },
    // the old training data only (round 2: functional dev, project items, blind-2026-11-30, shared dev): for before/after figures
    'old-data': { type: 'boolean', default: false },
    // total weight of each item set relative to its size: 'none' (every item 1) or 'corpus' (each set weighs as much as
    // an average independent set, so the big project sets and the templates do not drown the real-text corpora)
    balance: { type: 'string', default: 'none' },
    // thresholds are chosen on out-of-fold probabilities of these rows: 'independent' (independent corpora, each
    // held out whole) or 'all'
    'threshold-on': { type: 'string', default: 'independent' },
    // functional cases are grouped in folds by 'template' or by 'functionality' (every template of a kind in one fold)
    'group-functional': { type: 'string', default: 'template' },
    // 'chosen', 'off' (words alone need no more than the threshold) or a number (what words alone need, at least the threshold)
    alone: { type: 'string', default: 'chosen' },
    // 'chosen': a rule finding that flags alone may be kept at a lower stacker probability (chosen on out-of-corpus
    // predictions); 'off': no lower
    keep: { type: 'string', default: 'chosen' },
    // the same for one family
    // measured 2026-11-30 (leave-one-corpus-out mean, flagged P/R): chosen for every family 0.904/0.836, with these two
    // 0.909/0.791. The words alone do generalise on the corpora, but a credential or identifier word alone ("I forgot
    // my password") then flags with p 0.95, and an abusive-sounding phrase alone ("look who really runs") at 0.8: the
    // rules' validated "no" for those kinds stands unless the words are near certain.
    // Round 4, trained on 21 independent corpora (8 new): chosen on the out-of-fold predictions (corpora held out whole)
    // gains recall (mean flagged P/R/family exact 0.915/0.857/0.842 with 0.85/0.97, 0.908/0.924/0.866 chosen for both),
    // but it undoes exactly what these two guard: invalid identifiers ("Reference QQ 12 34 56 C", p 0.88), the school's
    // own number given as "her number" (p 0.96), insinuation aimed at Ofsted (p 0.86). Abuse words alone at 0.9 cost
    // 0.003 recall against 0.85 (the retrained stacker is surer) and keep those contrasts
    // Round 5: with the rule levels chosen, words alone chosen too gains on the corpora (nested out-of-fold mean over 24
    // independent corpora, beta 0.8: P 0.958 → 0.952, R 0.866 → 0.907, family 0.889 → 0.905; the blind-written functional
    // half heldout-d out of fold 0.805 → 0.869, 20 → 26 functionalities ≥ 0.90), but the thresholds fall to 0.39 (abuse)
    // and 0.58 (confidential) and exactly these contrasts flag again ("Funny how Ofsted always turn up…", "I know which
    // car she drives because she gives me a lift", "wifi login help: ask the office"), and conf_staff_home drops to
    // 0.69–0.91 on every functional half: kept
    // Round 6: words alone chosen out of fold, never below a floor per family (--alone-floor-*). Nested out-of-fold
    // mean over 31 independent sets: chosen with no floor P 0.936 R 0.919 family 0.899 against 0.940 / 0.877 / 0.880
    // fixed, but exactly the contrasts above flag again (abuse words alone p 0.79–0.83 on "Funny how Ofsted…" and
    // "Look who really runs…", confidential 0.95 on "Reference QQ 12 34 56 C" and "I forgot my password", and the
    // lexicon tests' "without the entry" halves); floors 0.7/0.8/0.6 gave 0.939 / 0.898 / 0.890 and still broke 8 of
    // them. Abuse chosen at or above 0.85 kept every contrast on the 31 sets, but trained on 37 the words alone give the
    // lexicon test's "a right gurrier" without its entry exactly 0.85: at least 0.9, as before
    // Round 7: the words alone are judged on the stacker probability of the text without its two leading words
    // (--alone-robust, school-model.ts aloneRobust), on a level of their own chosen out of fold. Nested out-of-fold mean
    // over 46 independent sets (trainer's per-set figures; corpus-af and -ag held back unread): round 6's decision (abuse
    // chosen ≥ 0.9, confidential 0.97, reputation ≥ 0.55) P 0.943 R 0.873 family 0.882; robust, every family chosen, no
    // floor 0.938 / 0.914 / 0.898; the same with confidential's words alone at least 0.75 0.941 / 0.892 / 0.890. Without
    // the two leading words "I forgot my password for the parent portal" scores 0.11 (0.97 with them), "Funny how Ofsted
    // always turn up…" 0.21, "pupils are investigating volcanoes" 0.01. Confidential's floor: HMRC's example NI number
    // "QQ 12 34 56 C" stands in real leaks in several corpora, so the words still give an invalid "Reference QQ 12 34 56
    // C" 0.71 without "qq" and "reference" (score-categories' contrast); at least 0.75 keeps it, for 0.022 recall
    'alone-abuse': { type: 'string', default: 'chosen' },
    // the families whose words alone are judged without their leading words (school-model.ts aloneRobust),
    // comma-separated ('none': no family; the alone level then is at least the threshold, as before round 7)
    'alone-robust': { type: 'string', default: 'abuse,confidential,reputation' },
    'alone-confidential': { type: 'string', default: 'chosen' },
    'alone-reputation': { type: 'string' },
    // the least the words alone may need when 'chosen' (per family; none by default). Before round 7 (without
    // --alone-robust) abuse 0.9 and reputation 0.55: at beta 1 reputation's words alone fell to 0.49 and "pupils are
    // investigating volcanoes" flagged (score-generalise)
    // Round 9: abuse's words alone chosen with no floor fell to 0.21 and harmless look-alikes of campaigns and threats
    // ("ring Mr X … he needs seventy-odd a day on the stalls", "getting the trip forms filled in") flagged on a titled
    // name and neutral words (robust p 0.23); at least 0.31 (round 8's chosen level) keeps them. Nested out-of-fold mean
    // over 55 independent sets: no floor P 0.951 R 0.900 family 0.901, floor 0.31 P 0.953 R 0.896 family 0.901
    // Round 11: with the round's rules and data the stacker's words-alone prior for a short text naming a teacher rose
    // (robust p 0.5-0.8 with no abuse word: "Has anyone got Mrs Bell …? What is she like?", the trip-forms and
    // dog-walk contrasts); at least 0.45 keeps them. Nested out-of-fold mean over 59 independent sets: floor 0.31 P 0.957
    // R 0.904 family 0.908 (abuse P 0.953 R 0.890), floor 0.45 P 0.957 R 0.900 family 0.906 (abuse P 0.956 R 0.878)
    'alone-floor-abuse': { type: 'string', default: '0.45' },
    'alone-floor-confidential': { type: 'string', default: '0.75' },
    // Round 8: reputation's words alone chosen with no floor fell to 0.25 and an inspection report's praise ("Leaders,
    // including the headteacher …, ensure that pupils with SEND get an EHCP quickly") flagged (score-public-facts'
    // contrast); at least 0.39 (round 7's chosen level) keeps it. Nested out-of-fold mean over 53 independent sets: no
    // floor P 0.945 R 0.901 family 0.898, floor 0.39 P 0.947 R 0.897 family 0.896 (reputation P 0.924 → 0.931, R 0.854 → 0.834)
    'alone-floor-reputation': { type: 'string', default: '0.39' },
    'independent-families': { type: 'boolean', default: false },
    // confidential rule findings this strong stay rule-decided ('none': no such level); reputation has no option, so
    // its level is searched over STRONG_CHOICES
    'confidential-strong': { type: 'string', default: '0.7' },
    // no family chooser (the per-family decisions stand even when they flag a set no label has): for before/after figures
    'no-chooser': { type: 'boolean', default: false },
    'no-loco': { type: 'boolean', default: false },
    'loco-only': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    write: { type: 'string' },
    // write each training row's out-of-fold stacker probabilities and rule maxima (JSON lines) for study
    'dump-oof': { type: 'string' },
    // write each left-out corpus item's decision (JSON lines) for study
    'dump-loco': { type: 'string' },
    // keep stage 1 (the n-gram models) of every training run in this folder, keyed by everything it depends on, so
    // experiments on the stacker and thresholds skip the n-gram fits
    cache: { type: 'string' },
    // the stackers' (stage 2) weight of a functional case; default: --functional-weight (the n-gram models' weight)
    'stack-functional-weight': { type: 'string' },
    // the stackers' weight of the item sets: 'none' (as stage 1) or 'corpus' (every set weighs as much in total as an
    // average independent set)
    'stack-balance': { type: 'string', default: 'none' },
    // how the out-of-fold rows count when the thresholds are chosen: 'item' (each its weight) or 'corpus' (every
    // independent corpus as much as any other, so a big one does not choose for the rest)
    'threshold-weight': { type: 'string', default: 'item' },
    // judge each threshold by the mean score within this many hundredths of it (0: its own score): the middle of a
    // broad plateau, not a narrow spike a few rows made
    'threshold-smooth': { type: 'string', default: '0' },
    // what the thresholds maximise: 'fbeta' (F-beta, --beta) or 'floor' (recall, among the choices whose precision is
    // at least --precision-floor; F-beta when none is)
    objective: { type: 'string', default: 'fbeta' },
    'precision-floor': { type: 'string', default: '0.93' },
    // leave-one-corpus-out prints the school model's figures only (not the rules', round 3's or the no-chooser ones)
    quick: { type: 'boolean', default: false },
    // also print the out-of-fold figures per independent corpus with each fold's thresholds chosen on the other folds
    nested: { type: 'boolean', default: false },
    // leave-one-corpus-out over every n-th independent set only, starting at the k-th ("k/n"), to share the run between
    // processes (each prints its own rows and mean)
    'loco-shard': { type: 'string', default: '0/1' },
    // leave-one-corpus-out only over the sets whose stage 1 is already in --cache (a quick before/after on those)
    'loco-cached-only': { type: 'boolean', default: false },
  },
});

const DIM = 1 << HASH_BITS;
const aloneRobustList = args['alone-robust']!.split(',');
if (!aloneRobustList.every((f) => f === 'none' || SCHOOL_FAMILIES.includes(f as Family))) throw new Error(`--alone-robust takes families (abuse, confidential, reputation) separated by commas, or none (got "${args['alone-robust']}")`);
const aloneRobust = SCHOOL_FAMILIES.map((f) => aloneRobustList.includes(f));
const folds = Number(args.folds);
const seed = Number(args.seed);
const functionalWeight = Number(args['functional-weight']);
const tweetWeight = Number(args['tweet-weight']);
const presidioWeight = Number(args['presidio-weight']);
const sgd = { epochs: Number(args.epochs), lr: Number(args.lr), l2: Number(args.l2) };
const ridge = Number(args.ridge);
/** Thresholds maximise F-beta: beta above 1 weighs recall (a missed item) over precision (a false alarm). */
const beta = Number(args.beta);
const prune = Number(args.prune);
const balance = args.balance!;
const thresholdOn = args['threshold-on']!;
if (!['none', 'corpus'].includes(balance)) throw new Error(`--balance must be none or corpus (got "${balance}")`);
if (!['independent', 'all'].includes(thresholdOn)) throw new Error(`--threshold-on must be independent or all (got "${thresholdOn}")`);
const stackFunctionalWeight = Number(args['stack-functional-weight'] ?? functionalWeight);
const objective = args.objective!;
const precisionFloor = Number(args['precision-floor']);
if (!['none', 'corpus'].includes(args['stack-balance']!)) throw new Error(`--stack-balance must be none or corpus (got "${args['stack-balance']}")`);
const thresholdSmooth = Number(args['threshold-smooth']);
if (!Number.isInteger(thresholdSmooth) || thresholdSmooth < 0 || thresholdSmooth > 20) throw new Error(`--threshold-smooth must be a whole number of hundredths from 0 to 20 (got "${args['threshold-smooth']}")`);
if (!['item', 'corpus'].includes(args['threshold-weight']!)) throw new Error(`--threshold-weight must be item or corpus (got "${args['threshold-weight']}")`);
if (!['fbeta', 'floor'].includes(objective)) throw new Error(`--objective must be fbeta or floor (got "${objective}")`);
const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

/** Extra texts for the n-gram models only (no school, no rules): label per family, or undefined to leave a family out. */
interface Aux {
  x: { idx: Int32Array; val: Float32Array };
  y: (number | undefined)[];
  w: number;
}
function auxData(): Aux[] {
  const out: Aux[] = [];
  if (tweetWeight > 0) {
    const rows = [...readTweetEval(`${args.data}/tweeteval_offensive_train.tsv`, tweetWeight), ...readDavidson(`${args.data}/davidson_labeled_data.tsv`, tweetWeight / 2)];
    for (const r of rows) out.push({ x: extractFeatures(r.text), y: [r.label, undefined, undefined], w: r.weight });
  }
  if (presidioWeight > 0) {
    for (const line of readFileSync(`${args.data}/presidio_synth_dataset_v2.spans.jsonl`, 'utf8').split('\n').filter(Boolean)) {
      const r = JSON.parse(line) as { text: string; spans: { type: string }[] };
      const personal = r.spans.some((s) => /PHONE|ADDRESS|EMAIL|SSN|CREDIT|IBAN|ID/.test(s.type)) && r.spans.some((s) => s.type === 'PERSON');
      out.push({ x: extractFeatures(r.text), y: [undefined, personal ? 1 : 0, undefined], w: presidioWeight });
    }
  }
  return out;
}

/**
 * The fold group of a row: an independent corpus is one group (its out-of-fold predictions come from a
 * model that never saw its author's wording), a functional template is one, any other item its own.
 */
const groupOf = (p: Prepared) =>
  kindOf.get(p.row.set) === 'independent' ? `corpus:${p.row.set}` : args['group-functional'] === 'functionality' && p.row.functionality ? `functionality:${p.row.functionality}` : p.row.group;

/** Fold of each group: a seeded shuffle of the distinct groups dealt round-robin. */
function assignFolds(rows: readonly Prepared[]): Int32Array {
  const groups = [...new Set(rows.map(groupOf))].sort();
  const rand = mulberry32(seed);
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [groups[i], groups[j]] = [groups[j]!, groups[i]!];
  }
  // independent corpora first, so they spread over the folds
  const corpora = groups.filter((g) => g.startsWith('corpus:'));
  const rest = groups.filter((g) => !g.startsWith('corpus:'));
  const foldOf = new Map([...corpora, ...rest].map((g, i) => [g, i % folds]));
  return Int32Array.from(rows.map((p) => foldOf.get(groupOf(p))!));
}

function ngramModels(train: readonly Prepared[], aux: readonly Aux[], s: number): { w: Float64Array; b: number }[] {
  return SCHOOL_FAMILIES.map((_, j) => {
    const data: SparseExample[] = train.map((p) => ({ idx: p.x.idx, val: p.x.val, y: p.y[j]!, w: p.row.weight }));
    for (const a of aux) if (a.y[j] !== undefined) data.push({ idx: a.x.idx, val: a.x.val, y: a.y[j]!, w: a.w });
    return fitSparse(data, DIM, { ...sgd, seed: s * 10 + j });
  });
}

const STRONG_CHOICES: (number | null)[] = [null, 0.95, 0.9, 0.85];
/**
 * The role-insult levels tried, in order of preference: on equal out-of-fold scores a level is kept, since the rows
 * rarely hold what it guards (a long news report quoting a parent's insult of the head, where the words and the
 * reputation findings pull the stacker down) and a rule that says why it flagged is worth keeping when it costs nothing.
 */
// Round 6: abuse aimed at a named person at the school (school-model.ts aimedAbuse) as the kind was chosen at no level
// (0.7, 0.85, 0.95 tried) and took the role insult's with it; role insults with aimed threats only at 0.95. It is a
// stacker input instead
const ROLE_INSULT_CHOICES: (number | null)[] = [0.85, 0.95, null];
const ROLE_INSULT_IDX = DENSE_FEATURES.indexOf('abuse:role-insult');
function roleInsultChoices(): (number | null)[] {
  const a = args['role-insult-strong']!;
  return a === 'chosen' ? ROLE_INSULT_CHOICES : [a === 'none' ? null : Number(a)];
}
/** Whether a row flags a family under a choice (the scorer's familyVerdicts, on the trainer's rows). */
function decides(c: Pick<FamilyChoice, 'threshold' | 'alone' | 'keep' | 'strong' | 'strongKind'>, p: number, dense: ArrayLike<number>, j: number): boolean {
  const m = dense[MAX_IDX[j]!]!;
  return p >= familyThreshold(c, m) || (c.strong !== null && m >= c.strong) || (c.strongKind !== null && j === 0 && dense[ROLE_INSULT_IDX]! >= c.strongKind);
}
const MAX_IDX = SCHOOL_FAMILIES.map((f) => DENSE_FEATURES.indexOf(`max:${f}`));

/**
 * Best (strong, threshold, alone, keep) for one family on out-of-fold stacker probabilities (scripts/lib-eval/thresholds.ts):
 * `alone` (at least the threshold) is what the words alone need when the rules found nothing of the family.
 */
function chooseThreshold(ps: ArrayLike<number>, items: readonly Prepared[], j: number, aloneOverride?: string, only?: (i: number) => boolean): FamilyChoice {
  const maxIdx = DENSE_FEATURES.indexOf(`max:${SCHOOL_FAMILIES[j]}`);
  const strongArg = SCHOOL_FAMILIES[j] === 'abuse' ? args['abuse-strong'] : SCHOOL_FAMILIES[j] === 'confidential' ? args['confidential-strong'] : undefined;
  const fixed = strongArg !== undefined && strongArg !== 'chosen' ? [strongArg === 'none' ? null : Number(strongArg)] : undefined;
  const use = items.map((p, i) => i).filter((i) => (thresholdOn === 'all' || kindOf.get(items[i]!.row.set) === 'independent') && (!only || only(i)));
  const aloneArg = aloneOverride ?? args[`alone-${SCHOOL_FAMILIES[j]}` as 'alone'] ?? args.alone!;
  return chooseFamilyThreshold(
    {
      p: Float64Array.from(use, (i) => ps[i]!),
      rule: Float64Array.from(use, (i) => items[i]!.dense[maxIdx]!),
      y: Uint8Array.from(use, (i) => items[i]!.y[j]!),
      w: args['threshold-weight'] === 'corpus' ? corpusEqualWeights(use.map((i) => items[i]!.row.set)) : Float64Array.from(use, (i) => items[i]!.row.weight),
      ...(SCHOOL_FAMILIES[j] === 'abuse' ? { kind: Float64Array.from(use, (i) => items[i]!.dense[ROLE_INSULT_IDX]!) } : {}),
    },
    { strong: fixed ?? STRONG_CHOICES, strongKind: roleInsultChoices(), alone: aloneArg === 'off' || aloneArg === 'chosen' ? aloneArg : Number(aloneArg), keep: args.keep === 'chosen' ? 'chosen' : 'off', aloneFloor: Number(args[`alone-floor-${SCHOOL_FAMILIES[j]}` as 'alone'] ?? 0), aloneBelow: aloneRobust[j], beta, objective: objective as 'fbeta' | 'floor', precisionFloor, smooth: thresholdSmooth },
  );
}

const CONF_RULES = DENSE_FEATURES.filter((n) => /^(?:rule:confidential\.|max:confidential|flag:confidential|ngram:confidential)/.test(n));
const ABUSE_RULES = DENSE_FEATURES.filter((n) => /^(?:rule:abuse\.|max:abuse|flag:abuse|ngram:abuse|abuse:)/.test(n));
/**
 * Inputs a family's stacker may not use: whether an item leaked or was published tells confidential
 * from reputation, not whether it is abusive (on dev data "rumour has it" mostly opens a leak, and
 * the abuse stacker learnt to hold that against a defamatory rumour).
 *
 * With --independent-families, also: whether an item is abusive says nothing about whether it discloses something
 * private, and the other way round ("off sick again, the useless prat" is both), so the abuse and confidential
 * stackers do not read each other's evidence (on dev data items that are both are rare, and each stacker learnt
 * to hold the other family's findings against its own).
 */
const EXCLUDED: Record<Family, readonly string[]> = args['independent-families']
  ? { abuse: ['leak-cue', 'public-cue', ...CONF_RULES], confidential: ABUSE_RULES, reputation: [] }
  : { abuse: ['leak-cue', 'public-cue'], confidential: [], reputation: [] };
const withoutExcluded = (x: Float64Array, fam: Family) => {
  const out = Float64Array.from(x);
  for (const name of EXCLUDED[fam]) out[DENSE_FEATURES.indexOf(name)] = 0;
  return out;
};

/**
 * One-vs-rest logistic regressions over each family's out-of-fold stacker logit and the stacker inputs, on the
 * rows labelled as flagged: how likely each allowed family set is. Measured round 4 on the out-of-fold
 * predictions (independent corpora held out whole): family exact 0.852 → 0.866 (mean per corpus) when it only
 * resolves sets that cannot be right (confidential + reputation: a published news report of a suspension or a
 * data breach); letting it overrule allowed sets too gained nothing more, so it does not.
 */
function fitChooser(items: readonly Prepared[], xs: readonly Float64Array[], stackOof: readonly Float64Array[], ws: readonly number[], only?: (i: number) => boolean): FamilyChooserFile {
  const rows = items.map((_, i) => i).filter((i) => items[i]!.y.some(Boolean) && (!only || only(i)));
  const input = (i: number) => Float64Array.from([...stackOof.map((s) => logit(s[i]!)), ...xs[i]!]);
  const X = rows.map(input);
  const labels = FAMILY_SETS.map((set) => set.join('+'));
  const fits = FAMILY_SETS.map((set) => {
    const y = rows.map((i) => Number(SCHOOL_FAMILIES.every((f, j) => (items[i]!.y[j] === 1) === set.includes(f))));
    return fitDense(X, y, rows.map((i) => ws[i]!), ridge);
  });
  if (X[0]!.length !== CHOOSER_FEATURES.length) throw new Error('chooser inputs out of step with CHOOSER_FEATURES');
  return { labels, weights: fits.map((f) => f.weights.map((w) => Number(w.toPrecision(6)))), bias: fits.map((f) => Number(f.bias.toPrecision(6))) };
}

interface Trained {
  file: SchoolModelFile;
  /** Out-of-fold family decisions for every training row (grouped folds). */
  oof: boolean[][];
  /** Out-of-fold stacker probabilities per family. */
  oofP: Float64Array[];
  /** What the decision reads (oofP, or the words-alone robust probability with --alone-robust). */
  decideP: Float64Array[];
  /** With --nested: out-of-fold decisions whose thresholds and chooser were chosen on the other folds. */
  nested?: boolean[][];
  items: readonly Prepared[];
}

/**
 * The round-3 decision from the same trained models, for before/after figures: what words alone need fixed at
 * abuse 0.85 / confidential 0.97 (round 3's defaults), and no family chooser.
 */
const ROUND3_ALONE: Partial<Record<Family, string>> = { abuse: '0.85', confidential: '0.97' };
function round3File(t: Trained): SchoolModelFile {
  const families = { ...t.file.families };
  SCHOOL_FAMILIES.forEach((fam, j) => {
    const c = chooseThreshold(t.decideP[j]!, t.items, j, ROUND3_ALONE[fam]);
    families[fam] = { ...families[fam], threshold: c.threshold, alone: c.alone, keep: c.keep, strong: c.strong, ...(fam === 'abuse' ? { strongRoleInsult: c.strongKind } : {}) };
  });
  return { ...t.file, families, chooser: undefined };
}

function quantise(m: { w: Float64Array; b: number }): Pick<SchoolFamilyFile, 'bias' | 'scale' | 'nonZero' | 'weights'> {
  let maxAbs = 0;
  for (const v of m.w) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs / 127 || 1;
  const q = new Int8Array(DIM);
  // int8 weights this small or smaller are dropped: they barely move a logit and cost bundle bytes
  for (let i = 0; i < DIM; i++) {
    const v = Math.max(-127, Math.min(127, Math.round(m.w[i]! / scale)));
    q[i] = Math.abs(v) > prune ? v : 0;
  }
  const enc = encodeSparse(q);
  return { bias: Number(m.b.toPrecision(7)), scale: Number(scale.toPrecision(7)), nonZero: enc.count, weights: enc.data };
}

/** Stage 1: the n-gram models' out-of-fold logits for every row, and the final models (quantised, as shipped). */
interface Stage1 {
  ngramOof: number[][];
  /**
   * Per row and family (rows with no rule finding of it only, else null): the tweet logit and the family's out-of-fold
   * n-gram logit of the text without its leading words (school-model.ts robustProbability).
   */
  robust: ([number, number][] | null)[][];
  final: Pick<SchoolFamilyFile, 'bias' | 'scale' | 'nonZero' | 'weights'>[];
}

/**
 * What stage 1 depends on (rows, their labels, weights, features and folds, the fitter's settings): with --cache DIR,
 * stage 1 is kept under this key so experiments on the stacker and thresholds skip the n-gram fits. Deterministic
 * either way: a cached stage 1 is byte for byte what the fit would give.
 */
function stage1Key(items: readonly Prepared[], aux: readonly Aux[], foldOf: Int32Array): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ sgd, seed, folds, prune, FEATURE_VERSION, HASH_BITS, aux: aux.length, tweetWeight, presidioWeight, robust: `together:${ROBUST_WORDS}` }));
  h.update(Buffer.from(foldOf.buffer, foldOf.byteOffset, foldOf.byteLength));
  for (const p of items) {
    h.update(`${p.row.set}\u0000${p.row.id}\u0000${p.row.weight}\u0000${p.y.join(',')}\u0000`);
    h.update(Buffer.from(p.x.idx.buffer, p.x.idx.byteOffset, p.x.idx.byteLength));
    h.update(Buffer.from(p.x.val.buffer, p.x.val.byteOffset, p.x.val.byteLength));
  }
  return h.digest('hex').slice(0, 32);
}

function stage1(items: readonly Prepared[], aux: readonly Aux[], foldOf: Int32Array): Stage1 {
  const path = args.cache ? resolve(args.cache, `${stage1Key(items, aux, foldOf)}.json`) : undefined;
  if (path && existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as Stage1;
  const ngramOof = items.map(() => [0, 0, 0]);
  const robust: ([number, number][] | null)[][] = items.map(() => [null, null, null]);
  for (let f = 0; f < folds; f++) {
    const models = ngramModels(items.filter((_, i) => foldOf[i] !== f), aux, seed + f);
    items.forEach((p, i) => {
      if (foldOf[i] !== f) return;
      ngramOof[i] = models.map((m) => sparseLogit(m, p.x));
      models.forEach((m, j) => {
        if (p.dense[MAX_IDX[j]!] !== 0) return;
        const lead = leadingWords(m.w, 1, 0, p.masked, ROBUST_WORDS);
        if (!lead.length) return;
        const reduced = withoutWords(p.masked, lead);
        robust[i]![j] = [[abuseLogit(p.raw, reduced), sparseLogit(m, extractFeatures(p.raw, reduced))]];
      });
    });
  }
  const out: Stage1 = { ngramOof, robust, final: ngramModels(items, aux, seed + 99).map(quantise) };
  if (path) {
    mkdirSync(args.cache!, { recursive: true });
    writeFileSync(path, JSON.stringify(out));
  }
  return out;
}

function trainModel(items: Prepared[], aux: readonly Aux[], trainedOn: string[]): Trained {
  const foldOf = assignFolds(items);
  // stage 1 out of fold
  const { ngramOof, robust, final } = stage1(items, aux, foldOf);
  const xs = items.map((p, i) => setModelInputs(Float64Array.from(p.dense), p.tweetLogit, ngramOof[i]!));
  const ws = items.map(stackWeight);
  // stage 2 out of fold, to choose thresholds
  const stackOof = SCHOOL_FAMILIES.map(() => new Float64Array(items.length));
  // the probabilities the decision reads: stackOof, or for words alone with --alone-robust the lower of it and the
  // probability without the ROBUST_WORDS leading words taken out together (stage 1's `robust`)
  const decideOof = SCHOOL_FAMILIES.map(() => new Float64Array(items.length));
  for (let f = 0; f < folds; f++) {
    const idx = items.map((_, i) => i).filter((i) => foldOf[i] !== f);
    SCHOOL_FAMILIES.forEach((_, j) => {
      const s = fitDense(idx.map((i) => withoutExcluded(xs[i]!, SCHOOL_FAMILIES[j]!)), idx.map((i) => items[i]!.y[j]!), idx.map((i) => ws[i]!), ridge);
      const scratch = new Float64Array(DENSE_FEATURES.length);
      items.forEach((_, i) => {
        if (foldOf[i] !== f) return;
        stackOof[j]![i] = stackProbability(xs[i]!, { stack: s.weights, stackBias: s.bias });
        decideOof[j]![i] = stackOof[j]![i]!;
        // words alone judged without their leading word (--alone-robust): what the scorer's robustProbability gives
        if (aloneRobust[j]) for (const [tw, ng] of robust[i]![j] ?? []) decideOof[j]![i] = Math.min(decideOof[j]![i]!, stackProbability(withoutWordInputs(xs[i]!, j, tw, ng, scratch), { stack: s.weights, stackBias: s.bias }));
      });
    });
  }
  const families = {} as Record<Family, SchoolFamilyFile>;
  const metrics: Record<string, number> = {};
  const oof = items.map(() => [false, false, false]);
  SCHOOL_FAMILIES.forEach((fam, j) => {
    const choice = chooseThreshold(decideOof[j]!, items, j);
    const s = fitDense(xs.map((x) => withoutExcluded(x, fam)), items.map((p) => p.y[j]!), ws, ridge);
    families[fam] = { ...final[j]!, stack: s.weights.map((w) => Number(w.toPrecision(6))), stackBias: Number(s.bias.toPrecision(6)), threshold: choice.threshold, alone: choice.alone, keep: choice.keep, strong: choice.strong, ...(fam === 'abuse' ? { strongRoleInsult: choice.strongKind } : {}), ...(aloneRobust[j] ? { aloneRobust: true } : {}) };
    metrics[`cvF1:${fam}`] = Number(choice.f1.toFixed(4));
    items.forEach((p, i) => (oof[i]![j] = decides(choice, decideOof[j]![i]!, p.dense, j)));
  });
  // the family chooser: which allowed set to keep when the families flagged together are not one (FAMILY_SETS)
  const chooser = args['no-chooser'] ? undefined : fitChooser(items, xs, stackOof, ws);
  if (chooser) items.forEach((p, i) => (oof[i] = chooseFamilySet(chooser, oof[i]!, stackOof.map((s) => s[i]!), xs[i]!)));
  // --nested: each fold's decisions with thresholds and chooser chosen on the other folds only (a fast, honest
  // stand-in for leave-one-corpus-out: nothing about a fold's corpora chose its decisions)
  const nested = args.nested ? items.map(() => [false, false, false]) : undefined;
  if (nested) {
    // each fold's thresholds, to show how far the choice moves when a fifth of the rows is left out
    const foldThresholds = SCHOOL_FAMILIES.map(() => [] as number[]);
    for (let f = 0; f < folds; f++) {
      const others = (i: number) => foldOf[i] !== f;
      const choices = SCHOOL_FAMILIES.map((_, j) => chooseThreshold(decideOof[j]!, items, j, undefined, others));
      choices.forEach((c, j) => foldThresholds[j]!.push(c.threshold));
      const ch = args['no-chooser'] ? undefined : fitChooser(items, xs, stackOof, ws, others);
      items.forEach((p, i) => {
        if (foldOf[i] !== f) return;
        const d = choices.map((c, j) => decides(c, decideOof[j]![i]!, p.dense, j));
        nested[i] = ch ? chooseFamilySet(ch, d, stackOof.map((s) => s[i]!), xs[i]!) : d;
      });
    }
    console.log(`nested: each fold's thresholds (chosen without it): ${SCHOOL_FAMILIES.map((fam, j) => `${fam} ${foldThresholds[j]!.join('/')} (spread ${(Math.max(...foldThresholds[j]!) - Math.min(...foldThresholds[j]!)).toFixed(2)})`).join(', ')}`);
  }
  const file: SchoolModelFile = {
    version: SCHOOL_MODEL_VERSION,
    featureVersion: FEATURE_VERSION,
    hashBits: HASH_BITS,
    dense: [...DENSE_FEATURES],
    families,
    ...(chooser ? { chooser } : {}),
    trainedOn,
    metrics,
    hyperParameters: { folds, seed, functionalWeight, tweetWeight, presidioWeight, ...sgd, ridge, beta, prune, abuseStrong: args['abuse-strong'], roleInsultStrong: args['role-insult-strong']!, confidentialStrong: args['confidential-strong'], balance, thresholdOn, alone: SCHOOL_FAMILIES.map((f) => args[`alone-${f}` as 'alone'] ?? args.alone).join('/'), aloneRobust: args['alone-robust']!, aloneFloor: SCHOOL_FAMILIES.map((f) => args[`alone-floor-${f}` as 'alone'] ?? 0).join('/'), groupFunctional: args['group-functional']!, keep: args.keep!, stackFunctionalWeight, stackBalance: args['stack-balance']!, thresholdWeight: args['threshold-weight']!, ...(thresholdSmooth ? { thresholdSmooth } : {}), objective, ...(objective === 'floor' ? { precisionFloor } : {}), independentFamilies: args['independent-families']!, chooser: !args['no-chooser'], oldData: args['old-data']! },
    attribution: 'Derived weights only, no source text. Schoolwatch dev items, spent blind sets, training corpora written for the project (data/train) and functional templates (all invented); the tweet classifier it reads is trained on TweetEval/OLID and Davidson et al. 2017 (see abuse-lr.json).',
  };
  return { file, oof, oofP: stackOof, decideP: decideOof, items, nested };
}

// ---------------------------------------------------------------------------------------------------

const corpora: Corpus[] = schoolCorpora({ functionalWeight, heldoutHalves: !args['old-data'], newSets: !args['old-data'], sharedEval: args['shared-eval'] });
const kindOf = new Map(corpora.map((c) => [c.name, c.kind]));
const independent = corpora.filter((c) => c.kind === 'independent');
if (balance === 'corpus') {
  // every item set weighs as much in total as an average independent set; functional cases keep their weight
  const trainIndependent = independent.filter((c) => !c.evalOnly);
  const avg = trainIndependent.reduce((sum, c) => sum + c.rows.filter((r) => r.expect.mentioned).length, 0) / Math.max(1, trainIndependent.length);
  for (const c of corpora) {
    if (c.kind === 'functional') continue;
    const n = c.rows.filter((r) => r.expect.mentioned).length;
    for (const r of c.rows) r.weight = avg / Math.max(1, n);
  }
}

/** Items about the school per set (the rows that teach the decision), for the per-corpus weights. */
const setSize = new Map(corpora.map((c) => [c.name, c.rows.filter((r) => r.expect.mentioned).length]));
const avgIndependent = (() => {
  const sets = independent.filter((c) => !c.evalOnly);
  return sets.reduce((sum, c) => sum + setSize.get(c.name)!, 0) / Math.max(1, sets.length);
})();
/** A row's weight in the stackers and the chooser (see --stack-functional-weight, --stack-balance). */
function stackWeight(p: Prepared): number {
  if (kindOf.get(p.row.set) === 'functional') return functionalWeight > 0 ? (p.row.weight * stackFunctionalWeight) / functionalWeight : stackFunctionalWeight;
  return args['stack-balance'] === 'corpus' ? p.row.weight * (avgIndependent / Math.max(1, setSize.get(p.row.set)!)) : p.row.weight;
}
// only items about the school are scored, so only they teach the decision
const prepared = corpora.filter((c) => !c.evalOnly).flatMap((c) => c.rows.filter((r) => r.expect.mentioned).map(prepare));
const aux = auxData();
console.log(`prepared ${prepared.length} school items (${corpora.filter((c) => !c.evalOnly).map((c) => `${c.name} ${c.rows.filter((r) => r.expect.mentioned).length}`).join(', ')}), ${aux.length} auxiliary texts (${secs()})`);

const trainedOn = [
  ...corpora.filter((c) => !c.evalOnly).map((c) => (c.kind === 'functional' ? `functional suite ${c.name.slice("functional-".length)} templates, expanded (weight ${functionalWeight} per case)` : `${c.path}${c.kind === 'independent' ? ' (written independently)' : ''}`)),
  ...(tweetWeight > 0 ? [`TweetEval offensive train + Davidson et al. 2017 (abuse n-grams only, weight ${tweetWeight})`] : []),
  ...(presidioWeight > 0 ? [`Presidio synthetic PII texts (confidential n-grams only, weight ${presidioWeight})`] : []),
];

type Report = ReturnType<typeof evaluate>;
const locoDump: string[] | undefined = args['dump-loco'] ? [] : undefined;
function setReport(c: Corpus, model: SchoolModel | false, dump?: string[]): Report {
  const items = readJsonl(c.path!);
  const schools = loadSchoolsFile(JSON.parse(readFileSync(c.schoolsPath!, 'utf8')));
  const results = items.map((it) => assessItem(it, schools, { schoolModel: model }));
  if (dump) items.forEach((it, i) => dump.push(JSON.stringify({ set: c.name, id: it.id, expect: it.expect, mentioned: results[i]!.mentioned, flagged: results[i]!.flagged, families: results[i]!.families, categories: results[i]!.categories.map((k) => k.id), text: `${it.title ?? ''} ${it.text ?? ''}`.slice(0, 300) })));
  return evaluate(items, results);
}
const f3 = (x: number) => x.toFixed(3);
interface Figures {
  p: number;
  r: number;
  exact: number;
  mention: number;
}
const figures = (r: Report): Figures => {
  const f = prf(r.flagged);
  return { p: f.precision, r: f.recall, exact: r.familyExact / r.items, mention: r.mentionCorrect / r.items };
};
const mean = (xs: readonly Figures[]): Figures => ({ p: avgOf(xs, 'p'), r: avgOf(xs, 'r'), exact: avgOf(xs, 'exact'), mention: avgOf(xs, 'mention') });
const avgOf = (xs: readonly Figures[], k: keyof Figures) => xs.reduce((sum, x) => sum + x[k], 0) / Math.max(1, xs.length);
const cells = (f: Figures) => `${f3(f.p)} | ${f3(f.r)} | ${f3(f.exact)} | ${f3(f.mention)}`;
/** Lines for BENCHMARKS.md (--write), printed as they come. */
const md: string[] = [];

// (1) leave-one-corpus-out over the independently written sets: the whole pipeline trained without corpus X,
// then X scored through assessItem, beside the previous decision (rules + classifier margin)
if (!args['no-loco']) {
  const rows: { name: string; n: number; rules: Figures; round3: Figures; noChooser: Figures; model: Figures }[] = [];
  let allButNew: SchoolModel | undefined;
  const [shard, shards] = args['loco-shard']!.split('/').map(Number) as [number, number];
  for (const c of independent.filter((_, i) => i % shards === shard)) {
    // a corpus the model is not trained on (--old-data) is scored by the model trained on everything else
    if (c.evalOnly) allButNew ??= loadSchoolModel(trainModel(prepared, aux, trainedOn).file);
    if (args['loco-cached-only'] && !c.evalOnly) {
      const rest = prepared.filter((p) => p.row.set !== c.name);
      if (!existsSync(resolve(args.cache!, `${stage1Key(rest, aux, assignFolds(rest))}.json`))) continue;
    }
    const t = c.evalOnly ? undefined : trainModel(prepared.filter((p) => p.row.set !== c.name), aux, trainedOn);
    const model = t ? loadSchoolModel(t.file) : allButNew!;
    // the same models with the round-3 decision (before): no family chooser, words alone fixed at 0.85 / 0.97
    const after = setReport(c, model, locoDump);
    const noChooser = args.quick ? figures(after) : figures(setReport(c, loadSchoolModel({ ...model.file, chooser: undefined })));
    const round3 = args.quick ? noChooser : t ? figures(setReport(c, loadSchoolModel(round3File(t)))) : noChooser;
    const rules = args.quick ? noChooser : figures(setReport(c, false));
    rows.push({ name: c.name, n: c.rows.length, rules, round3, noChooser, model: figures(after) });
    console.log(`  ${c.name.padEnd(24)} rules ${cells(rules).replaceAll(' | ', ' ')}   round-3 decision ${cells(round3).replaceAll(' | ', ' ')}   no chooser ${cells(noChooser).replaceAll(' | ', ' ')}   model ${cells(figures(after)).replaceAll(' | ', ' ')}  (${secs()})`);
    if (process.env.SHOW_CONFUSION) console.log(formatReport(`${c.name} (school model, trained without it)`, after).split('\n').slice(6).join('\n'));
  }
  if (locoDump) writeFileSync(args['dump-loco']!, locoDump.join('\n') + '\n');
  const mRules = mean(rows.map((r) => r.rules));
  const mModel = mean(rows.map((r) => r.model));
  console.log(`\nleave-one-corpus-out over ${rows.length} independently written sets (flagged P, R, family exact, mention acc.; a dev check, not a quality figure):`);
  const mNoChooser = mean(rows.map((r) => r.noChooser));
  const mRound3 = mean(rows.map((r) => r.round3));
  console.log(`  mean  rules ${cells(mRules).replaceAll(' | ', ' ')}   round-3 decision ${cells(mRound3).replaceAll(' | ', ' ')}   no chooser ${cells(mNoChooser).replaceAll(' | ', ' ')}   model ${cells(mModel).replaceAll(' | ', ' ')}`);
  md.push(
    `Leave-one-corpus-out over the ${rows.length} independently written item sets (the spent blind sets and every \`data/train/*\` corpus): the whole pipeline (n-gram models, stackers, thresholds) trained without corpus X, then X scored through \`assessItem\`. ` +
      'A **dev check**, not a quality figure: the rules and lexicons were tuned with the spent blind sets in view, and quality is quoted only from unread blind sets ("Scorer quality"). Flagged items count only when the matcher also says the item is about the school, so mention misses cap recall.',
    '',
    '| corpus (left out) | items | rules: flagged P | R | family exact | mention | school model: flagged P | R | family exact | mention |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.n} | ${cells(r.rules)} | ${cells(r.model)} |`),
    `| **mean** | | ${cells(mRules)} | ${cells(mModel)} |`,
    '',
    `The same models with the round-3 decision (words alone need abuse 0.85 / confidential 0.97, no family chooser): mean ${cells(mRound3).replaceAll(' | ', ' / ')}; ` +
      `without the family chooser only (per-family decisions left as they are, so confidential + reputation can come back): ${cells(mNoChooser).replaceAll(' | ', ' / ')}.`,
    '',
  );
  if (args['loco-only']) process.exit(0);
}

// the shipped model: trained on everything
const trained = trainModel(prepared, aux, trainedOn);
if (args['dump-oof']) {
  const maxIdx = SCHOOL_FAMILIES.map((f) => DENSE_FEATURES.indexOf(`max:${f}`));
  const lines = prepared.map((p, i) => JSON.stringify({ set: p.row.set, kind: kindOf.get(p.row.set), id: p.row.id, fn: p.row.functionality, y: p.y, p: SCHOOL_FAMILIES.map((_, j) => Number(trained.oofP[j]![i]!.toFixed(4))), rule: maxIdx.map((k) => p.dense[k]), got: trained.oof[i]!.map(Number), ...(trained.nested ? { nested: trained.nested[i]!.map(Number) } : {}), dense: Array.from(p.dense, (v) => Number(v.toFixed(3))), text: p.row.text.slice(0, 300) }));
  writeFileSync(args['dump-oof'], lines.join('\n') + '\n');
  console.log(`wrote ${args['dump-oof']}`);
}

// (2) grouped cross-validation by template: out-of-fold decisions on the functional cases, per functionality
{
  const byFn = new Map<string, { n: number; ok: number }>();
  const oofById = new Map(prepared.map((p, i) => [p, trained.oof[i]!] as const).filter(([p]) => p.row.set === 'functional-dev').map(([p, d]) => [p.row.id, d]));
  for (const r of corpora[0]!.rows) {
    const e = byFn.get(r.functionality!) ?? { n: 0, ok: 0 };
    byFn.set(r.functionality!, e);
    e.n++;
    const mentioned = matchSchool({ title: r.title, text: r.text }, r.school).mentioned;
    if (!r.expect.mentioned) {
      if (!mentioned) e.ok++;
      continue;
    }
    const d = oofById.get(r.id)!;
    const got = SCHOOL_FAMILIES.filter((_, j) => d[j]);
    const want = expectedFamilies(r as unknown as EvalItem);
    if (mentioned && got.length === want.length && want.every((f) => got.includes(f))) e.ok++;
  }
  const rows = [...byFn.entries()].map(([fn, e]) => ({ fn, acc: e.ok / e.n, n: e.n })).sort((a, b) => a.acc - b.acc);
  const n = rows.reduce((sum, r) => sum + r.n, 0);
  const acc = [...byFn.values()].reduce((sum, e) => sum + e.ok, 0) / n;
  const weak = rows.filter((r) => r.acc < 0.97);
  console.log(`\ngrouped cross-validation (${folds} folds), functional dev cases: ${n} cases, accuracy ${f3(acc)}; ${rows.filter((r) => r.acc >= 0.9).length} of ${rows.length} functionalities at 0.90 or more`);
  for (const r of weak) console.log(`  ${r.fn.padEnd(32)} ${f3(r.acc)}  (n ${r.n})`);
  md.push(
    `Grouped cross-validation (${folds} folds; a template's cases, or a whole independent corpus, never straddle train and test) on the functional suite's **dev** cases: ` +
      `${n} cases, accuracy **${f3(acc)}**, ${rows.filter((r) => r.acc >= 0.9).length} of ${rows.length} functionalities at 0.90 or more; below 0.97: ${weak.map((r) => `${r.fn} ${f3(r.acc)}`).join(', ') || 'none'}. ` +
      'The rules were written against these templates, so their findings (inputs to the model) are in-sample here: this checks the model does not lose what the rules know, not how it generalises.',
    '',
  );
  const oofLines: string[] = [];
  for (const st of corpora.slice(1)) {
    const c = emptyCounts();
    let exact = 0;
    let n2 = 0;
    prepared.forEach((p, i) => {
      if (p.row.set !== st.name) return;
      const got = SCHOOL_FAMILIES.filter((_, j) => trained.oof[i]![j]);
      const want = expectedFamilies(p.row as unknown as EvalItem);
      count(c, got.length > 0, p.row.expect.flag);
      if (got.length === want.length && want.every((f) => got.includes(f))) exact++;
      n2++;
    });
    const f = prf(c);
    oofLines.push(`${st.name} P ${f3(f.precision)} R ${f3(f.recall)} exact ${f3(exact / Math.max(1, n2))}`);
    console.log(`  out of fold, ${st.name} (items about the school): flagged P ${f3(f.precision)} R ${f3(f.recall)}, family exact ${f3(exact / Math.max(1, n2))}`);
  }
  md.push(`Out of fold on the same folds, items about the school (flagged P, R, family exact): ${oofLines.join('; ')}.`, '');
  if (trained.nested) {
    // per independent corpus, items about the school, with each fold's thresholds chosen on the other folds
    const per: Figures[] = [];
    const wrong = new Map<string, number>();
    const name = (fs: readonly string[]) => (fs.length ? fs.join('+') : 'none');
    for (const st of independent) {
      const c = emptyCounts();
      let exact = 0;
      let n2 = 0;
      prepared.forEach((p, i) => {
        if (p.row.set !== st.name) return;
        const got = SCHOOL_FAMILIES.filter((_, j) => trained.nested![i]![j]);
        const want = expectedFamilies(p.row as unknown as EvalItem);
        count(c, got.length > 0, p.row.expect.flag);
        if (got.length === want.length && want.every((f) => got.includes(f))) exact++;
        else wrong.set(`${name(want)} -> ${name(got)}`, (wrong.get(`${name(want)} -> ${name(got)}`) ?? 0) + 1);
        n2++;
      });
      const f = prf(c);
      per.push({ p: f.precision, r: f.recall, exact: exact / Math.max(1, n2), mention: 1 });
      console.log(`  nested out of fold, ${st.name.padEnd(20)} P ${f3(f.precision)} R ${f3(f.recall)} exact ${f3(exact / Math.max(1, n2))}`);
    }
    const m = mean(per);
    console.log(`nested out of fold, mean over ${per.length} independent sets: P ${f3(m.p)} R ${f3(m.r)} exact ${f3(m.exact)}`);
    // per family, pooled over the independent sets' items about the school: which family's recall or precision moved
    const names = new Set(independent.map((st) => st.name));
    const byFamily = SCHOOL_FAMILIES.map((_, j) => {
      const c = emptyCounts();
      prepared.forEach((p, i) => names.has(p.row.set) && count(c, trained.nested![i]![j]!, p.y[j] === 1));
      return prf(c);
    });
    console.log(`  per family, pooled over those sets: ${SCHOOL_FAMILIES.map((f, j) => `${f} P ${f3(byFamily[j]!.precision)} R ${f3(byFamily[j]!.recall)}`).join(', ')}`);
    console.log(`  errors by kind (expected -> got): ${[...wrong.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
}

// (3) TweetEval val, text alone (report only; school mode does not touch it)
const valPath = `${args.data}/tweeteval_offensive_val.tsv`;
if (existsSync(valPath)) {
  const c = emptyCounts();
  for (const [i, r] of readTweetEval(valPath).entries()) count(c, assessItem({ id: String(i), text: r.text }).families.includes('abuse'), r.label === 1);
  console.log(`\nTweetEval offensive val (report only, text alone): macro-F1 ${pct(macroF1(c))}`);
  md.push(`TweetEval offensive val (report only; text alone, which the school model does not touch): macro-F1 ${pct(macroF1(c))}.`, '');
}

const thresholds = SCHOOL_FAMILIES.map((f) => `${f} ${trained.file.families[f].threshold} (words alone ${trained.file.families[f].alone}, rule-backed ${trained.file.families[f].keep})${trained.file.families[f].strong !== null ? ` (rule findings ≥ ${trained.file.families[f].strong} decide alone)` : ''}${trained.file.families[f].strongRoleInsult != null ? ` (insults said of a school role ≥ ${trained.file.families[f].strongRoleInsult} decide alone)` : ''}`).join(', ');
console.log(`\nthresholds: ${thresholds}`);
const bytes = Buffer.byteLength(JSON.stringify(trained.file) + '\n');
md.push(
  `Shipped model (\`${args.out}\`, ${(bytes / 1024).toFixed(0)} KB): trained on ${trainedOn.join('; ')}. Stacker thresholds (chosen on out-of-fold probabilities of ${thresholdOn === 'independent' ? 'the independent corpora, each held out whole' : 'all rows'}, F-beta ${beta}): ${thresholds}. ` +
    `Deterministic (seed ${seed}); ${SCHOOL_FAMILIES.map((f) => trained.file.families[f].nonZero).join(' / ')} non-zero n-gram weights per family.`,
);
if (!args['dry-run']) {
  writeFileSync(args.out!, JSON.stringify(trained.file) + '\n');
  console.log(`wrote ${args.out} (${(bytes / 1024).toFixed(0)} KB; ${SCHOOL_FAMILIES.map((f) => trained.file.families[f].nonZero).join('/')} non-zero n-gram weights) in ${secs()}`);
}
if (args.write) {
  const section = [`## School-mode decision (npm run train:school)`, '', `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()} by \`npm run train:school -- --write ${args.write}\`.`, '', ...md].join('\n');
  const current = existsSync(args.write) ? readFileSync(args.write, 'utf8') : '';
  writeFileSync(args.write, replaceSection(current, 'school-model', section));
  console.log(`wrote the school-model section of ${args.write}`);
}
