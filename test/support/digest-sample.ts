/**
 * A realistic sample digest (one school, mixed severities, and hostile feed text) for previews,
 * screenshots and tests. Not used in production paths.
 */
import type { School } from '../../lib/config/schema';
import type { CategoryHit, Evidence, ScoreResult } from '../../lib/score/types';
import type { Mention } from '../../lib/store/types';

export const sampleSchool: School = {
  id: 'northgate',
  name: 'Northgate Park Academy',
  aliases: ['Northgate Park'],
  context: ['Harlow Fen'],
  exclude: ['Northgate Park Retail'],
  timezone: 'Europe/London',
  digestHour: 7,
  recipients: ['head@northgate.example', 'deputy@northgate.example'],
  allClear: false,
  feeds: [],
};

/** Evidence span for the first occurrence of `needle` in `haystack`. */
export function ev(field: 'title' | 'text', haystack: string, needle: string, category: string): Evidence {
  const start = haystack.indexOf(needle);
  if (start < 0) throw new Error(`sample: "${needle}" not in ${field}`);
  return { field, start, end: start + needle.length, text: needle, category };
}

export function sampleMention(p: Partial<Mention> & { id: string; title: string; text: string; categories: CategoryHit[]; evidence?: Evidence[] }): Mention {
  const sevRank = { high: 3, medium: 2, low: 1 } as const;
  const severity = p.categories.reduce<CategoryHit['severity'] | null>((best, c) => (!best || sevRank[c.severity] > sevRank[best] ? c.severity : best), null);
  const families = [...new Set(p.categories.map((c) => c.family))];
  const score: ScoreResult = p.score ?? {
    flagged: true,
    score: severity === 'high' ? 0.9 : severity === 'medium' ? 0.6 : 0.3,
    severity,
    families,
    categories: p.categories,
    evidence: p.evidence ?? [],
    explanation: p.categories.map((c) => c.reason).join('; '),
  };
  return {
    trustId: 'meridian',
    schoolId: 'northgate',
    itemKey: `key-${p.id}`,
    feedUrl: 'https://news.example/feed.xml',
    capturedAt: '2026-03-30T05:40:00.000Z',
    textSha256: 'a'.repeat(64),
    match: { mentioned: true, alias: 'Northgate Park', reason: 'alias "Northgate Park" with context "Harlow Fen"' },
    severity,
    families,
    status: 'new',
    ...p,
    score,
  };
}

const threat: CategoryHit = {
  id: 'abuse.threat',
  family: 'abuse',
  label: 'Threat',
  policyClause: 'Content that threatens staff, pupils, parents or governors',
  severity: 'high',
  reason: 'threat of violence ("wait outside")',
};
const insult: CategoryHit = {
  id: 'abuse.insult',
  family: 'abuse',
  label: 'Insult to staff',
  policyClause: 'Content that disparages or insults the school, its staff or pupils',
  severity: 'medium',
  reason: 'insulting a named teacher ("useless")',
};
const pupilPersonal: CategoryHit = {
  id: 'confidential.pupil-personal',
  family: 'confidential',
  label: 'Pupil personal information',
  policyClause: 'Disclosing personal information about pupils (names with SEN, medical or family details)',
  severity: 'high',
  reason: 'names a pupil with an EHCP',
};
const inspection: CategoryHit = {
  id: 'reputation.inspection',
  family: 'reputation',
  label: 'Inspection report',
  policyClause: 'Reporting that reflects on the school (inspections, investigations, fines)',
  severity: 'low',
  reason: 'news about an Ofsted inspection',
};

const t1 = 'Parent group chat: "we will wait outside the gates for Mr Hart" <script>alert(1)</script>';
const x1 =
  'Posted on the Harlow Fen community page. Several parents are angry about the detention policy at Northgate Park. One wrote that they would wait outside the gates after school on Friday and that Mr Hart is useless. <img src=x onerror=alert(1)> Others asked people to calm down.';

const t2 = 'Year 9 pupil named in post about EHCP';
const x2 =
  'A post names Jamie (Year 9, Northgate Park) and says he has an EHCP and has been excluded twice this term. The post includes what looks like a home street in Harlow Fen.';

const t3 = 'Northgate Park Academy rated "requires improvement" by Ofsted';
const x3 =
  'The Harlow Fen school was visited by inspectors in February. The report, published today, says leadership is improving but attendance remains a concern. The Ofsted inspection found strengths in the sixth form.';

const t4 = '&lt;b&gt;entity&lt;/b&gt; \u202Egnp.exe <b>not bold</b>';
const x4 = `Northgate Park teacher called useless in a review. ${'A'.repeat(300)} end.`;

export function sampleMentions(): Mention[] {
  return [
    sampleMention({
      id: 'm-low-1',
      title: t3,
      text: x3,
      url: 'https://www.harlowfen-news.example/education/2026/03/29/northgate-park-ofsted',
      publishedAt: '2026-03-29T18:05:00Z',
      capturedAt: '2026-03-29T19:02:11.000Z',
      author: 'Education desk',
      categories: [inspection],
      evidence: [ev('title', t3, 'Ofsted', 'reputation.inspection'), ev('text', x3, 'Ofsted inspection', 'reputation.inspection')],
    }),
    sampleMention({
      id: 'm-high-1',
      title: t1,
      text: x1,
      url: 'https://social.example/@harlowfenparents/112233445566',
      publishedAt: '2026-03-29T21:47:00Z',
      capturedAt: '2026-03-29T22:10:03.000Z',
      author: 'Harlow Fen Parents',
      categories: [threat, insult],
      evidence: [ev('text', x1, 'wait outside the gates', 'abuse.threat'), ev('text', x1, 'useless', 'abuse.insult'), ev('title', t1, 'wait outside the gates', 'abuse.threat')],
    }),
    sampleMention({
      id: 'm-high-2',
      title: t2,
      text: x2,
      url: 'javascript:alert(document.cookie)',
      publishedAt: '2026-03-30T01:15:00Z',
      capturedAt: '2026-03-30T01:30:00.000Z',
      categories: [pupilPersonal],
      evidence: [ev('text', x2, 'has an EHCP', 'confidential.pupil-personal'), ev('text', x2, 'excluded twice', 'confidential.pupil-personal')],
    }),
    sampleMention({
      id: 'm-med-1',
      title: t4,
      text: x4,
      url: 'https://reviews.example/schools/northgate?ref=feed&x="><script>',
      capturedAt: '2026-03-30T04:00:00.000Z',
      categories: [insult],
      evidence: [ev('text', x4, 'useless', 'abuse.insult')],
    }),
  ];
}
