/**
 * The single-table layout, shared by the DynamoDB adapter, the local embedded server and the CDK stack,
 * so the keys the code writes and the indexes the stack creates cannot drift apart.
 */
export const TABLE = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Trust-wide view of mentions: GSI1PK = `TRUST#t`, GSI1SK = capturedAt#id. */
  trustIndex: { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  /**
   * Sparse: only mentions whose status is `new` carry these keys (GSI2PK = `TRUST#t`, GSI2SK =
   * `SCHOOL#s#capturedAt#id`), set and removed with the status in the same write. The Overview counts the
   * unreviewed backlog from it, so its cost follows the backlog, not the trust's history. Projects the headline
   * attributes (not the snapshot text, match or capture); `score` comes whole, its evidence quotes included, since
   * an INCLUDE projection names top-level attributes only.
   */
  unreviewedIndex: {
    name: 'GSI2',
    partitionKey: 'GSI2PK',
    sortKey: 'GSI2SK',
    attributes: ['id', 'trustId', 'schoolId', 'title', 'capturedAt', 'publishedAt', 'severity', 'families', 'status', 'assignee', 'alertedAt', 'score'],
  },
  /** Epoch seconds; DynamoDB TTL deletes in AWS, the purge job deletes locally (dynalite has no TTL). */
  ttlAttribute: 'expiresAt',
} as const;

/**
 * A school's own data (seen markers, mentions, digest records, learnt false positives) lives in a partition that
 * names its trust as well as the school, so no read, claim or erase can reach another trust's data through a
 * school id alone. (0.1 wrote these under `SCHOOL#s`; 0.x does not migrate them: re-import and re-poll.)
 */
export const schoolPartition = (trustId: string, schoolId: string) => `TRUST#${trustId}#SCHOOL#${schoolId}`;

/** A school as the stores key it: always with its trust. */
export interface SchoolKey {
  trustId: string;
  schoolId: string;
}

export const keys = {
  trust: (trustId: string) => ({ PK: `TRUST#${trustId}`, SK: 'META' }),
  school: (trustId: string, schoolId: string) => ({ PK: `TRUST#${trustId}`, SK: `SCHOOL#${schoolId}` }),
  /** Which trust owns a school id: written once, conditionally, before the school's configuration (ids are unique across trusts). */
  schoolIdClaim: (schoolId: string) => ({ PK: `SCHOOLID#${schoolId}`, SK: 'OWNER' }),
  /** Which school (of which trust) has a URN: written once, conditionally, before the school's configuration. */
  urnClaim: (urn: string) => ({ PK: `URN#${urn}`, SK: 'OWNER' }),
  feedState: (urlHash: string) => ({ PK: `FEED#${urlHash}`, SK: 'STATE' }),
  seen: (s: SchoolKey, itemKeyHash: string) => ({ PK: schoolPartition(s.trustId, s.schoolId), SK: `SEEN#${itemKeyHash}` }),
  mention: (s: SchoolKey, capturedAt: string, id: string) => ({ PK: schoolPartition(s.trustId, s.schoolId), SK: `MENTION#${capturedAt}#${id}` }),
  digest: (s: SchoolKey, localDate: string) => ({ PK: schoolPartition(s.trustId, s.schoolId), SK: `DIGEST#${localDate}` }),
  /** The Ofsted watch of one school: when its provider page was last checked, validators, reports already recorded. */
  ofsted: (s: SchoolKey) => ({ PK: schoolPartition(s.trustId, s.schoolId), SK: 'OFSTED#STATE' }),
  /** Finds a mention from its id alone (links in digests and on the page carry only the id). */
  mentionRef: (mentionId: string) => ({ PK: `MENTION#${mentionId}`, SK: 'REF' }),
  reviewEvent: (mentionId: string, at: string) => ({ PK: `MENTION#${mentionId}`, SK: `EVENT#${at}` }),
  /** A trust's daily roll-up claim/record (same exactly-once rules as a school's digest record). */
  trustDigest: (trustId: string, localDate: string) => ({ PK: `TRUST#${trustId}`, SK: `DIGEST#${localDate}` }),
  /** An address SES reported as a permanent bounce or a complaint: digests skip it. `email` is lower-case. */
  suppressed: (email: string) => ({ PK: 'SUPPRESSED', SK: `EMAIL#${email}` }),
  /** Transient (soft) bounce count for an address: counted, never suppressing. `email` is lower-case. */
  softBounce: (email: string) => ({ PK: 'SOFTBOUNCE', SK: `EMAIL#${email}` }),
} as const;

/** The trust index in the shape TableItems.query takes. */
export const GSI1 = { name: TABLE.trustIndex.name, pk: TABLE.trustIndex.partitionKey, sk: TABLE.trustIndex.sortKey };
/** The unreviewed index in the shape TableItems.query takes. */
export const GSI2 = { name: TABLE.unreviewedIndex.name, pk: TABLE.unreviewedIndex.partitionKey, sk: TABLE.unreviewedIndex.sortKey };

/** The unreviewed-index keys of a mention with status `new` (tenancy: the trust in the partition, the school first in the sort key). */
export const unreviewedKeys = (m: SchoolKey & { capturedAt: string; id: string }) => ({
  [TABLE.unreviewedIndex.partitionKey]: `TRUST#${m.trustId}`,
  [TABLE.unreviewedIndex.sortKey]: `SCHOOL#${m.schoolId}#${m.capturedAt}#${m.id}`,
});
