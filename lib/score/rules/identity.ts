/**
 * Discrimination by co-occurrence, not by sentence shape: a word for someone's religion, ethnicity,
 * national origin, accent, disability, sexuality or gender identity (data: identity, group,
 * identity-word) near something said to keep them out or belittle them (data: identity-exclusion).
 * Blunt ("send them all back") and polite ("people like her shouldn't be teaching our kids") remarks
 * are found alike because the cue, not the wording around it, carries the meaning; a festival, an RE
 * lesson, EAL support or praise of a diverse staff names an identity with no such cue.
 *
 * A cue counts when it is not negated ("she belongs here") and not someone else's words reported to
 * condemn them ("whoever wrote that she should go back should be ashamed"). Strong cues (weight ≥ 0.7)
 * flag with an identity word in the same or a neighbouring sentence; weak ones only when two different
 * ones are there.
 */
import { overlaps, type Doc, type Span } from '../document';
import { negatedAt, reportedAt } from '../structure';

const IDENTITY_CATEGORIES = ['identity', 'group', 'identity-word', 'identity-disclaimer'] as const;
/** "a lesbian like Miss X": a person named as an example of their identity, a weak cue by itself. */
const EXAMPLE_OF = /^\s+like\s+(?:mr|mrs|ms|miss|mx|dr|sir)\b/;
const STRONG = 0.7;
/** A school-subject word after a language or nationality word: "English dept", "French lessons", "Welsh GCSE". */
const SUBJECT_AFTER = /^\s+(?:dept|department|lessons?|class(?:es)?|homework|exams?|gcses?|literature|language|results?|papers?|set|mocks?|a-levels?|coursework|curriculum|faculty|staffroom)\b/;

/**
 * The two sentences before and after the one at `pos`: a remark often names the person in one sentence and excludes
 * them a sentence or two later ("Muslim in charge of our kids?? 🤢 School X wake up. Mrs Y back to where they belong").
 */
const WINDOW = 2;
function windowAt(doc: Doc, pos: number): Span {
  const ss = doc.sentences;
  let i = ss.findIndex((s) => pos >= s.start && pos < s.end);
  if (i < 0) return { start: 0, end: doc.clean.text.length };
  return { start: ss[Math.max(0, i - WINDOW)]!.start, end: ss[Math.min(ss.length - 1, i + WINDOW)]!.end };
}

export interface IdentityFinding {
  spans: Span[];
  weight: number;
}

/** Identity words with an exclusion cue near them, or undefined. */
/** The person a removal verb acts on, right after it ("sack him", "get rid of the lot of them", "deport Mrs X"). */
const REMOVED_PERSON = /^\s+(?:(?:him|her|them|'em|em|the\s+lot(?:\s+of\s+them)?|all\s+of\s+them|the\s+(?:teacher|ta|head|family|families)|(?:mr|mrs|ms|miss|mx|dr)\s+[\p{L}'-]+)\b)/u;

/** "sack him", "deport the lot of them": a removal verb (data: removal-verb) with a person as its object, as a strong cue. */
function removals(doc: Doc): { start: number; end: number; weight: number }[] {
  const text = doc.clean.text;
  const out: { start: number; end: number; weight: number }[] = [];
  for (const v of doc.lex.find(text, 'removal-verb')) {
    const m = REMOVED_PERSON.exec(text.slice(v.end, v.end + 40));
    if (m) out.push({ start: v.start, end: v.end + m[0].length, weight: 0.7 });
  }
  return out;
}

export function identityExclusion(doc: Doc, counterSpeech: (span: Span) => boolean): IdentityFinding | undefined {
  const text = doc.clean.text;
  // hostility predicated of the group by class (data: identity-hostility) and removal of a person count as cues too
  const predicates = [...doc.lex.find(text, 'identity-hostility'), ...removals(doc)];
  // no cue from the data: an example ("a … like Mrs X") alone is one weak cue, never enough
  if (!doc.lex.find(text, 'identity-exclusion').length && !doc.lex.find(text, 'identity-disclaimer').length && !predicates.length) return undefined;
  const ids: Span[] = [];
  for (const c of IDENTITY_CATEGORIES) for (const h of doc.lex.find(text, c)) ids.push(h);
  if (!ids.length) return undefined;
  // "not racist but …" announces the topic and is a weak cue too; so is a person named as an example
  const cues: { start: number; end: number; weight: number }[] = [...doc.lex.find(text, 'identity-exclusion'), ...doc.lex.find(text, 'identity-disclaimer'), ...predicates];
  for (const id of ids) if (EXAMPLE_OF.test(text.slice(id.end, id.end + 12))) cues.push({ start: id.end, end: id.end + 5, weight: 0.4 });
  if (!cues.length) return undefined;
  const live = cues.filter((c) => !overlaps(c, doc.quoted) && !overlaps(c, doc.ignored) && !negatedAt(doc, c) && !reportedAt(doc, c) && !counterSpeech(c));
  if (!live.length) return undefined;
  for (const id of ids) {
    if (overlaps(id, doc.quoted) || overlaps(id, doc.ignored)) continue;
    // "the English department", "French homework": a school subject, not a person's identity
    if (SUBJECT_AFTER.test(text.slice(id.end, id.end + 16))) continue;
    const w = windowAt(doc, id.start);
    const near = live.filter((c) => c.start >= w.start && c.end <= w.end);
    if (!near.length) continue;
    const strong = near.filter((c) => c.weight >= STRONG);
    // different cues: overlapping hits ("not being funny but" as a disclaimer and a cue) count once
    const distinct = new Set(near.filter((c, i) => !near.some((o, j) => j < i && o.start < c.end && c.start < o.end)).map((c) => text.slice(c.start, c.end))).size;
    if (strong.length || distinct >= 2) return { spans: [id, ...(strong.length ? strong : near)], weight: strong.length ? 0.85 : 0.7 };
  }
  return undefined;
}
