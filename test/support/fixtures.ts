import { createHash } from 'node:crypto';
import { School, type SchoolInput } from '../../lib/config/schema';
import type { ScoreResult } from '../../lib/score/types';
import type { Mention } from '../../lib/store/types';

export const school = (input: Partial<SchoolInput> & { id: string }): School =>
  School.parse({ name: `${input.id} Academy`, ...input });

export const flaggedScore = (overrides: Partial<ScoreResult> = {}): ScoreResult => ({
  flagged: true,
  score: 0.9,
  severity: 'high',
  families: ['abuse'],
  categories: [
    { id: 'abuse.threat', family: 'abuse', label: 'Threat', policyClause: 'Threats against staff or pupils', severity: 'high', reason: 'threat' },
  ],
  evidence: [{ field: 'text', start: 0, end: 4, text: 'wait', category: 'abuse.threat' }],
  explanation: 'A threat.',
  ...overrides,
});

export function mention(overrides: Partial<Mention> & { id: string; schoolId: string; trustId: string; capturedAt: string }): Mention {
  const text = overrides.text ?? 'wait outside the gates';
  return {
    itemKey: `url:https://news.example/${overrides.id}`,
    url: `https://news.example/${overrides.id}`,
    canonicalUrl: `https://news.example/${overrides.id}`,
    feedUrl: 'https://news.example/feed.xml',
    title: `Item ${overrides.id}`,
    text,
    textSha256: createHash('sha256').update(text).digest('hex'),
    match: { mentioned: true, alias: 'x', reason: 'name' },
    score: flaggedScore(),
    severity: 'high',
    families: ['abuse'],
    status: 'new',
    ...overrides,
  };
}
