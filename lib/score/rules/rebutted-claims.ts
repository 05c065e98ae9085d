/**
 * Round 13: a swear word said as the verdict on a claim someone else made ("bloke at the bar reckoned Mr X steals from the
 * fund. told him straight it's bollocks"): the swear is the rebuttal (data: denial: "it's bollocks", "utter bollocks"),
 * after a claim put in someone else's mouth (data: report-verb: "reckoned", "claiming"), so it is aimed at the claim, not
 * at anyone. Contrast: "bollocks, Mr X is a thieving bastard" (a swear that is no rebuttal of a reported claim) stays
 * obscene, and so does any swear beside the rebutting one.
 */
import type { Doc } from '../document';
import type { Finding } from '../findings';

export function withoutRebuttingSwears(doc: Doc, findings: Finding[]): Finding[] {
  const i = findings.findIndex((f) => f.category === 'abuse.obscene' && !f.raw && f.spans.length > 0);
  if (i < 0) return findings;
  const text = doc.clean.text;
  const denials = doc.lex.find(text, 'denial');
  if (!denials.length) return findings;
  const reports = doc.lex.find(text, 'report-verb');
  // the swear inside a denial that comes after a reported claim
  const rebutting = (sp: { start: number; end: number }) => denials.some((d) => d.start <= sp.start && sp.end <= d.end && reports.some((r) => r.end <= d.start && d.start - r.end <= 300));
  const f = findings[i]!;
  if (!f.spans.every(rebutting)) return findings;
  return findings.filter((_, j) => j !== i);
}
