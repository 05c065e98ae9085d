import type { Store } from '../../store';

/**
 * `npm start -- --demo` on data that already holds the demo: the demo's digests were sent on the first run,
 * so a restart would show an empty mail viewer. To show them again the demo releases its OWN records only:
 * the demo trust's schools' digest records, and the "already in a digest" marks on their mentions. Real
 * schools' digest records are never touched (each school is checked to belong to the demo trust, and every
 * call names the trust), so the exactly-once rule for real digests is unchanged. Returns how many digest
 * records were released (0 on a first run).
 */
export async function releaseDemoDigests(store: Store, trustId: string, schoolIds: string[]): Promise<{ digests: number; mentions: number }> {
  let digests = 0;
  let mentions = 0;
  for (const schoolId of schoolIds) {
    if (!(await store.config.getSchool(schoolId, trustId))) continue; // not (yet) a demo school: nothing of the demo's to release
    digests += await store.digests.deleteAllOf({ trustId, schoolId });
    mentions += await store.mentions.unmarkDigested({ trustId, schoolId });
  }
  return { digests, mentions };
}
