/**
 * Round 11: context that says a confidential cue of the staff rules names no one's health or job (data:
 * data/lexicons/kinds-11-abuse.tsv), kept apart from confidential.ts: a chat poll read as a condition ("type 1 if u
 * agree"), a suspension of something a club or a site holds ("membership suspended"), and a sacking by a former
 * employer ("sacked from their last school for theft"), which is a claim about someone's past (the abuse rules read it as
 * one when it accuses), not a staff matter of this school.
 */
import type { Doc, Span } from '../document';

/**
 * "type 1 if u agree", "type 1 in the chat" (data: chat-vote right after the cue): a number typed in a chat as a vote,
 * not the diabetes the bare "type 1" names. `lower` is the item's lower-case text, `m` the cue's span in it.
 */
export function chatVoteAt(doc: Doc, lower: string, m: Span): boolean {
  if (!/^type\s/.test(lower.slice(m.start, m.end))) return false;
  const after = /^[\s,.!:-]*([^\n.!?]{0,30})/.exec(lower.slice(m.end, m.end + 40));
  if (!after || !after[1]) return false;
  return doc.lex.find(after[1], 'chat-vote').some((h) => h.start === 0);
}

/** Between the thing and "suspended": "membership suspended", "their account was suspended", "account has been suspended". */
const THING_BEFORE_GAP = /^\s+(?:(?:is|was|were|has|have|had|been|being|got|now|also|temporarily|immediately)\s+){0,3}$/;
/** Between "suspended" and the thing: "suspended his membership", "suspended the account of". */
const THING_AFTER_GAP = /^\s+(?:(?:his|her|their|the|its|my|our|your)\s+)?$/;

/**
 * "Unacceptable; membership suspended.", "their account was suspended", "we suspended his membership" (data:
 * suspended-thing beside the cue): a club, a society or a site suspending what it holds, not an employer suspending a
 * member of staff.
 */
export function suspendedThingAt(doc: Doc, lower: string, m: Span): boolean {
  if (!/^suspend/.test(lower.slice(m.start, m.end))) return false;
  const before = lower.slice(Math.max(0, m.start - 60), m.start);
  const after = lower.slice(m.end, m.end + 40);
  const things = doc.lex.find(before, 'suspended-thing');
  if (things.some((t) => THING_BEFORE_GAP.test(before.slice(t.end)))) return true;
  return doc.lex.find(after, 'suspended-thing').some((t) => THING_AFTER_GAP.test(after.slice(0, t.start)));
}

/** Right after the process word: a former employer ("from their last school", "at his old job", "in her previous post"). */
const FORMER_EMPLOYER_AFTER = /^\s+(?:from|at|in|by)\s+(?:their|his|her|the|a)\s+(?:last|previous|old|former|other)\s+(?:school|job|post|employer|place|academy|trust|work)\b\s*,?\s+for\s+/;
/** What the reason after "for" may be: a crime or a wrongdoing (data: offence-noun, accusation, misconduct-verb). */
const OFFENCE_CATS = ['offence-noun', 'accusation', 'misconduct-verb'] as const;

/**
 * "was sacked from their last school for theft", "got dismissed at his old job for fiddling the books": a former
 * employer's sacking for a wrongdoing, told as an accusation about the person's past (the abuse rules read it), not a
 * staff matter of this school. A sacking from a former job with no such reason ("… his last job, a friend in HR told me")
 * still counts as a disclosure.
 */
export function formerEmployerAt(doc: Doc, lower: string, m: Span): boolean {
  const after = FORMER_EMPLOYER_AFTER.exec(lower.slice(m.end, m.end + 80));
  if (!after) return false;
  const reason = lower.slice(m.end + after[0].length, m.end + after[0].length + 40);
  return OFFENCE_CATS.some((c) => doc.lex.find(reason, c).some((h) => h.start === 0));
}
