/**
 * Text-alone abuse decision: a small logistic regression ("stacker") over the classifier's logit,
 * the strength of each abuse rule and the lexicon counts, fitted by scripts/train-abuse.ts on
 * out-of-fold classifier predictions for TweetEval train. On text scored alone (no school, e.g.
 * tweets) "rules OR classifier" let every weak lexicon hit flag (rules alone: precision 0.78 on
 * TweetEval train); the stacker learns how much each rule family is worth next to the classifier
 * instead, and also lets rule evidence lift a text the classifier alone would miss. Findings at
 * STRONG_RULE or above (threats, slurs, extremism) flag whatever it says. School mode does not use it.
 */
import type { Doc } from './document';
import type { Finding } from './findings';
import { FEATURE_CATEGORIES, MODEL_LEXICON } from './lexicon';

export interface StackerFile {
  /** Feature names, in the order of `weights` (must equal STACK_FEATURES). */
  features: string[];
  weights: number[];
  bias: number;
  /** Stacker probability at which text alone is flagged as abuse (chosen by cross-validation on train). */
  threshold: number;
}

const RULE_CATEGORIES = ['abuse.threat', 'abuse.harassment', 'abuse.discriminatory', 'abuse.extremist', 'abuse.disparaging', 'abuse.obscene'] as const;
const SECOND_PERSON = /\b(?:you|ur|u|your|you're|youre|ya)\b/;

export const STACK_FEATURES: readonly string[] = [
  'logit',
  ...RULE_CATEGORIES.map((c) => `rule:${c.slice(6)}`),
  ...RULE_CATEGORIES.map((c) => `flag:${c.slice(6)}`),
  'praised-calm',
  'lex:profanity',
  'lex:insult',
  'lex:weak-insult',
  'lex:insult-adj',
  'lex:slur',
  'lex:put-down',
  'second-person',
  'any-rule',
  'logit*rule',
  'logit*obscene',
];

/** A rule finding "flags" at the scorer's default threshold (the stacker was fitted with it). */
const FLAG_AT = 0.5;

/** The stacker's input vector for one text: the classifier's logit, abuseRules(doc) and the lexicon counts of doc's clean view. */
export function stackFeatures(logit: number, abuse: { findings: readonly Finding[]; hostile: boolean; praised: boolean }, doc: Doc): Float64Array {
  const x = new Float64Array(STACK_FEATURES.length);
  x[0] = logit;
  let k = 1;
  let anyRule = 0;
  for (const cat of RULE_CATEGORIES) {
    let c = 0;
    for (const f of abuse.findings) if (f.category === cat && f.confidence > c) c = f.confidence;
    x[k] = c;
    x[k + RULE_CATEGORIES.length] = c >= FLAG_AT ? 1 : 0;
    if (c >= FLAG_AT) anyRule = 1;
    k++;
  }
  k += RULE_CATEGORIES.length;
  x[k++] = abuse.praised && !abuse.hostile ? 1 : 0;
  const text = doc.clean.text;
  for (const cat of FEATURE_CATEGORIES) x[k++] = Math.log1p(MODEL_LEXICON.count(text, cat));
  x[k++] = SECOND_PERSON.test(text) ? 1 : 0;
  x[ANY_RULE] = anyRule;
  return setLogit(x, logit);
}

const LOGIT_X_RULE = STACK_FEATURES.indexOf('logit*rule');
const LOGIT_X_OBSCENE = STACK_FEATURES.indexOf('logit*obscene');
const ANY_RULE = STACK_FEATURES.indexOf('any-rule');
const OBSCENE = STACK_FEATURES.indexOf('rule:obscene');

/** Put the classifier's logit (and its interactions) into a feature vector, in place. */
export function setLogit(x: Float64Array, logit: number): Float64Array {
  x[0] = logit;
  x[LOGIT_X_RULE] = logit * x[ANY_RULE]!;
  x[LOGIT_X_OBSCENE] = logit * x[OBSCENE]!;
  return x;
}

/**
 * Refuses a stacker whose features are not the ones stackFeatures builds (a model trained with extra columns, or by
 * an older scorer): scored anyway, the missing inputs would make every probability NaN and text alone never flag.
 */
export function checkStackerFile(s: StackerFile): StackerFile {
  const same = s.features.length === STACK_FEATURES.length && s.features.every((f, i) => f === STACK_FEATURES[i]);
  if (!same || s.weights.length !== STACK_FEATURES.length) {
    throw new Error(
      `The abuse model's stacker has ${s.weights.length} weights for features [${s.features.join(', ')}], but the scorer builds ${STACK_FEATURES.length} features [${STACK_FEATURES.join(', ')}]. Retrain it with \`npm run train:abuse\` (without --stack-extra) and commit the new lib/score/model/abuse-lr.json.`,
    );
  }
  return s;
}

export function stackLogit(x: ArrayLike<number>, s: Pick<StackerFile, 'weights' | 'bias'>): number {
  let z = s.bias;
  for (let i = 0; i < s.weights.length; i++) z += s.weights[i]! * x[i]!;
  return z;
}

/** A rule finding this strong flags text alone whatever the stacker says (threats, slurs, extremism). */
export const STRONG_RULE = 0.85;

export function stackProbability(x: ArrayLike<number>, s: Pick<StackerFile, 'weights' | 'bias'>): number {
  return 1 / (1 + Math.exp(-stackLogit(x, s)));
}
