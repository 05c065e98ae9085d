/**
 * scoreItem: is this text something the headteacher should see, and why?
 *
 * Pure and deterministic. Rules (lexicons, patterns, validated identifiers) find categories with
 * evidence; a small trained classifier adds an `abuse.offensive` signal for abuse the lexicons miss.
 * Every flagged category carries its policy clause, a one-line reason and evidence spans.
 */
import type { PublicFacts, ScoringTuning } from '../config/schema';
import { ABUSE_COMBINED_THRESHOLD, ABUSE_MODEL_THRESHOLD, ABUSE_STACKER, abuseLogit, abuseProbability, sigmoid } from './classifier';
import { buildDoc, escapeRegExp, evidenceFor, findAll, originalEvidence, type Doc } from './document';
import type { Finding } from './findings';
import type { Lexicon } from './lexicon';
import { NAMED_PERSON } from './named-person';
import { cleanText, foldText } from './normalize';
import { categoryDef, type CategoryId } from './policy';
import { compilePublicFacts, withoutPublicNumberCues } from './public-facts';
import { abuseRules } from './rules/abuse';
import { confidentialRules, hasLeakCue } from './rules/confidential';
import { reputationRules, withoutReportedWrongdoing } from './rules/reputation';
import { withoutRebuttingSwears } from './rules/rebutted-claims';
import { applySchoolDecision, shippedSchoolModel, type RuleParts, type SchoolModel } from './school-model';
import { checkStackerFile, stackFeatures, stackProbability, STRONG_RULE } from './stacker';
import type { CategoryHit, Evidence, Family, ScoreInput, ScoreResult, Severity } from './types';

export { CATEGORIES, categoryDef } from './policy';
export type { CategoryDef, CategoryId } from './policy';

export const DEFAULT_THRESHOLD = 0.5;
const MAX_EVIDENCE_PER_CATEGORY = 6;
const FAMILY_ORDER: Family[] = ['abuse', 'confidential', 'reputation'];
const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3 };

export interface ScoreOptions {
  /** Words that are not people's names in this item, e.g. the school's own name and aliases. */
  notNames?: readonly string[];
  /** What the school publishes about itself (phone, address, website, the head's name): never flagged as a leak. */
  publicFacts?: Partial<PublicFacts>;
  /** Use the trained classifier (default true). */
  classifier?: boolean;
  /**
   * Extra probability the classifier needs, on its own, to flag. Defaults to SCHOOL_CLASSIFIER_MARGIN:
   * the model learnt "offensive" from tweets, where any swearing or political jibe counts, while the
   * rules already cover school-specific abuse. assessItem without schools (text alone, e.g. OLID
   * tweets) passes TEXT_ALONE_CLASSIFIER_MARGIN; 0 uses the model's own cross-validated threshold.
   */
  classifierMargin?: number;
  /**
   * Text scored alone, without a school (assessItem without schools, e.g. tweets): the abuse decision
   * is taken by the stacker shipped with the model (stacker.ts), which weighs the classifier against
   * each abuse rule's strength and the lexicon counts, so a weak rule finding flags only when the
   * stacker agrees. Rule findings at STRONG_RULE or above still flag. Without a stacker in the model file this falls
   * back to classifierMargin.
   */
  textAlone?: boolean;
  /** The lexicon the rules read; defaults to the shipped one (data/lexicons, compiled). */
  lexicon?: Lexicon;
  /**
   * The school's own names (name and aliases): the school-mode model reads them as one placeholder
   * token, so it learns how people write about a school rather than which school.
   */
  schoolNames?: readonly string[];
  /**
   * The school-mode decision (school-model.ts): by default the shipped model decides each family for
   * an item scored with a school; false keeps the older rules + classifier-margin decision. Ignored for
   * text alone and when `classifier` is false (rules only).
   */
  schoolModel?: SchoolModel | false;
}

export const SCHOOL_CLASSIFIER_MARGIN = 0.15;
/**
 * Margin for text scored alone: moves the classifier to the threshold chosen by cross-validation on
 * train for "rules or classifier" together, since the rules already flag part of what it would.
 */
export const TEXT_ALONE_CLASSIFIER_MARGIN = ABUSE_COMBINED_THRESHOLD - ABUSE_MODEL_THRESHOLD;

/** Map the classifier probability to a confidence where the model's own threshold sits at 0.5. */
function modelConfidence(p: number, margin: number): number {
  const t = Math.min(0.95, ABUSE_MODEL_THRESHOLD + margin);
  return p < t ? (0.5 * p) / t : 0.5 + (0.5 * (p - t)) / (1 - t);
}

/** Lexicon categories of abusive words (data/lexicons). */
const ABUSIVE_CATEGORIES = ['profanity', 'insult-noun', 'weak-insult-noun', 'insult-adj', 'slur', 'put-down', 'threat-idiom', 'harassment-cue'];

function severityFor(id: CategoryId, doc: Doc, finding: Finding): Severity {
  const base = finding.severity ?? categoryDef(id).baseSeverity;
  const named = NAMED_PERSON.test(doc.raw);
  if (id === 'abuse.disparaging' && (named || finding.confidence >= 0.85)) return 'high';
  if (id === 'abuse.obscene' && named) return 'medium';
  if (id === 'confidential.staff-personal' && named) return 'high';
  if (id === 'confidential.internal' && named) return 'high';
  return base;
}

function extraTermFindings(doc: Doc, terms: readonly string[]): Finding[] {
  const spans = terms.flatMap((term) => {
    const t = cleanText(foldText(term)).text.trim();
    return t ? findAll(doc.clean.text, new RegExp(`\\b${escapeRegExp(t)}\\b`, 'g')) : [];
  });
  if (!spans.length) return [];
  const first = spans[0]!;
  return [{ category: 'reputation.watch-term', confidence: 0.8, spans, reason: `matches this school's watch term ("${doc.clean.text.slice(first.start, first.end)}")` }];
}

function classifierText(doc: Doc): string {
  if (!doc.ignored.length) return doc.raw;
  // per-school ignore words are blanked before the classifier reads the text
  let out = doc.raw;
  for (const s of doc.ignored) {
    const a = doc.clean.start[s.start]!;
    const b = doc.clean.end[s.end - 1]!;
    out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  }
  return out;
}

/** The shipped stacker, checked once against the features the scorer builds (a mismatch stops loading with a message). */
const CHECKED_STACKER = ABUSE_STACKER && checkStackerFile(ABUSE_STACKER);

/**
 * Text alone: the stacker decides the abuse family. When it says yes and no rule explains why, the
 * classifier's category is added; when it says no, weak abuse findings are kept below the threshold
 * (so the score still shows them) and only strong ones flag.
 */
function textAloneAbuse(doc: Doc, abuse: ReturnType<typeof abuseRules>, findings: Finding[], threshold: number): void {
  const stacker = CHECKED_STACKER!;
  const z = doc.ignored.length ? abuseLogit(classifierText(doc)) : abuseLogit(doc.raw, doc.clean.text);
  const p = stackProbability(stackFeatures(z, abuse, doc), stacker);
  const t = stacker.threshold;
  if (p >= t) {
    if (!abuse.findings.some((f) => f.confidence >= threshold)) {
      findings.push({ category: 'abuse.offensive', confidence: 0.5 + (0.5 * (p - t)) / (1 - t), spans: [], reason: `classifier judges the wording offensive (p=${sigmoid(z).toFixed(2)}; with the rules ${p.toFixed(2)})` });
    }
    return;
  }
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.category.startsWith('abuse.') && f.confidence >= threshold && f.confidence < STRONG_RULE) findings[i] = { ...f, confidence: Math.max(0, threshold - 0.01) };
  }
}

/** What the rules find in an item, before any decision (scripts/train-school.ts reads this too). */
export function ruleParts(input: ScoreInput, tuning?: Partial<ScoringTuning>, options: Pick<ScoreOptions, 'notNames' | 'lexicon' | 'publicFacts'> = {}): RuleParts {
  const doc = buildDoc(input.title ?? '', input.text ?? '', tuning?.ignore ?? [], options.lexicon);
  const abuse = abuseRules(doc);
  const facts = compilePublicFacts(options.publicFacts);
  let findings: Finding[] = withoutRebuttingSwears(doc, withoutReportedWrongdoing(doc, [...abuse.findings, ...confidentialRules(doc, { notNames: options.notNames, publicFacts: facts }), ...reputationRules(doc)]));
  // the public-facts step for abuse: "her number is <the school's own number>" points at the school, it doxxes no one
  if (facts) findings = withoutPublicNumberCues(doc, findings, facts);
  if (tuning?.extraTerms?.length) findings.push(...extraTermFindings(doc, tuning.extraTerms));
  return { doc, abuse, findings, ...(options.notNames ? { schoolWords: options.notNames } : {}) };
}

export function scoreItem(input: ScoreInput, tuning?: Partial<ScoringTuning>, options: ScoreOptions = {}): ScoreResult {
  const threshold = tuning?.threshold ?? DEFAULT_THRESHOLD;
  const parts = ruleParts(input, tuning, options);
  const { doc, abuse, findings } = parts;

  // school-mode decision step: the trained model decides each family (school-model.ts)
  const schoolModel = options.textAlone || options.classifier === false || options.schoolModel === false ? undefined : (options.schoolModel ?? shippedSchoolModel());
  if (schoolModel && doc.raw.trim()) {
    applySchoolDecision(schoolModel, parts, threshold, options.schoolNames);
  } else if (options.textAlone && ABUSE_STACKER && options.classifier !== false && doc.raw.trim()) {
    textAloneAbuse(doc, abuse, findings, threshold);
  } else if (options.classifier !== false && doc.raw.trim() && !abuse.findings.some((f) => f.confidence >= threshold)) {
    // the classifier is only needed when no abuse rule has already decided
    const p = doc.ignored.length ? abuseProbability(classifierText(doc)) : abuseProbability(doc.raw, doc.clean.text);
    let conf = modelConfidence(p, options.classifierMargin ?? SCHOOL_CLASSIFIER_MARGIN);
    if (abuse.praised && !abuse.hostile) conf *= 0.6;
    // abusive words that are reported to condemn them, or aimed at Ofsted or the council, are not the school's abuse
    if (abuse.discounted) conf *= 0.3;
    // "teacher charged with fraud": news of a charge or an inquiry is reputation, not abuse
    if (!abuse.hostile && findings.some((f) => (f.category === 'reputation.sanction' || f.category === 'reputation.investigation') && f.confidence >= threshold)) conf *= 0.6;
    // a disclosure ("on sick leave with IVF") is not offensive wording: without a single abusive word the classifier,
    // trained on tweets, is discounted when the rules already found a confidential matter
    if (!abuse.hostile && findings.some((f) => f.category.startsWith('confidential.') && f.confidence >= threshold) && !ABUSIVE_CATEGORIES.some((c) => doc.lex.count(doc.clean.text, c) > 0)) conf *= 0.6;
    if (conf >= 0.3) findings.push({ category: 'abuse.offensive', confidence: conf, spans: [], reason: `classifier judges the wording offensive (p=${p.toFixed(2)})` });
  }

  // a leak is confidential by nature, not public reporting: drop reputation signals it set off
  const confidential = findings.some((f) => f.category.startsWith('confidential.') && f.confidence >= threshold);
  // so is a named teacher's disciplinary case told by someone other than the press
  const privateCase = findings.some((f) => f.category === 'confidential.staff-personal' && f.confidence >= threshold) && NAMED_PERSON.test(doc.raw) && doc.lex.count(doc.clean.text, 'public-cue') === 0;
  const leaked = !schoolModel && confidential && (hasLeakCue(doc) || privateCase);
  const kept = findings.filter((f) => f.confidence >= threshold && !(leaked && f.category.startsWith('reputation.') && f.category !== 'reputation.watch-term'));

  // the classifier adds a category only when no abuse rule explains the item
  const abuseRuleHit = kept.some((f) => f.category.startsWith('abuse.') && f.category !== 'abuse.offensive');
  const final = kept.filter((f) => !(f.category === 'abuse.offensive' && abuseRuleHit));

  const categories: CategoryHit[] = [];
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const f of final.sort((a, b) => b.confidence - a.confidence)) {
    const def = categoryDef(f.category);
    categories.push({ id: def.id, family: def.family, label: def.label, policyClause: def.policyClause, severity: severityFor(f.category, doc, f), reason: f.reason });
    for (const span of f.spans.slice(0, MAX_EVIDENCE_PER_CATEGORY)) {
      const ev = f.raw ? originalEvidence(doc, span.start, span.end, def.id) : evidenceFor(doc, span, def.id);
      const key = `${ev.field}:${ev.start}:${ev.end}:${ev.category}`;
      if (ev.end > ev.start && !seen.has(key)) {
        seen.add(key);
        evidence.push(ev);
      }
    }
  }
  const top = Math.max(0, ...findings.map((f) => f.confidence));
  // flagged: the strongest category plus a little for each further one; unflagged: stays below the threshold
  const score = categories.length ? Math.min(1, Math.max(...final.map((f) => f.confidence)) + 0.03 * (categories.length - 1)) : Math.min(top, Math.max(0, threshold - 0.01));
  const families = FAMILY_ORDER.filter((fam) => categories.some((c) => c.family === fam));
  const severity = categories.reduce<Severity | null>((acc, c) => (acc === null || SEVERITY_RANK[c.severity] > SEVERITY_RANK[acc] ? c.severity : acc), null);
  return {
    flagged: categories.length > 0,
    score: Math.round(score * 1000) / 1000,
    severity,
    families,
    categories,
    evidence,
    explanation: explain(categories),
  };
}

function explain(categories: CategoryHit[]): string {
  if (!categories.length) return 'Nothing of concern found.';
  const [first, ...rest] = categories;
  const head = `${first!.label} (${first!.severity}): ${first!.reason}.`;
  if (!rest.length) return head;
  return `${head} Also: ${rest.map((c) => c.label.toLowerCase()).join(', ')}.`;
}
