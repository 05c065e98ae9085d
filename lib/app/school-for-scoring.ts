import type { SchoolRef } from '../config/schema';
import type { Store } from '../store';

/**
 * The school as the scorer should see it: its configured tuning plus the words reviewers dismissed as
 * false positives for it (learnt in reviewMention), so the same kind of item stops recurring.
 */
export async function schoolForScoring(store: { falsePositives: Pick<Store['falsePositives'], 'terms'> }, ref: SchoolRef): Promise<SchoolRef> {
  const learnt = await store.falsePositives.terms({ trustId: ref.trustId, schoolId: ref.school.id });
  if (learnt.length === 0) return ref;
  const scoring = ref.school.scoring ?? { extraTerms: [], ignore: [] };
  return { ...ref, school: { ...ref.school, scoring: { ...scoring, ignore: [...new Set([...scoring.ignore, ...learnt])] } } };
}
