import { createHash } from 'node:crypto';
import type { Family, Severity } from '../score/types';
import type { ReviewStatus, Mention } from './types';
import { GSI1, GSI2, TABLE, keys, schoolPartition, unreviewedKeys, type SchoolKey } from './table';
import type { Item, TableItems } from './items';

/** How long a seen marker keeps an unflagged item from being re-scored. Feeds rarely re-serve older items. */
export const SEEN_RETENTION_DAYS = 120;

export type RecordOutcome = 'stored' | 'seen' | 'duplicate';

export interface MentionPage {
  mentions: Mention[];
  /** Pass back as `before` for the next (older) page. */
  nextBefore?: string;
}

export type ScanPartition = { trustId: string; schoolId?: undefined } | SchoolKey;
export type ScanOptions = { from?: string; before?: string; limit: number };

/**
 * What a summary needs of a mention: who, when, how serious, its review state and its category ids and
 * severities. Not a Mention: the snapshot (text, evidence, links, capture) is not read.
 */
export interface MentionHeadline {
  id: string;
  trustId: string;
  schoolId: string;
  title: string;
  capturedAt: string;
  publishedAt?: string;
  severity: Severity | null;
  families: Family[];
  status: ReviewStatus;
  assignee?: string;
  alertedAt?: string;
  categories: { id: string; severity: Severity }[];
}

/**
 * The attributes a headline is built from: the unreviewed index's projection, which is those same headline fields,
 * except that a query reads only `score.categories` where the index must project `score` whole (an INCLUDE
 * projection names top-level attributes only). `score.categories` is read whole: a list cannot be projected per field.
 */
const HEADLINE_ATTRIBUTES: readonly string[] = TABLE.unreviewedIndex.attributes.map((a) => (a === 'score' ? 'score.categories' : a));

export const hashKey = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

/** A mention id is derived from trust + school + item, so a redelivered job can only ever write the same item again. */
export const mentionIdFor = (trustId: string, schoolId: string, itemKey: string) => hashKey(`${trustId}\n${schoolId}\n${itemKey}`).slice(0, 24);

/**
 * Seen markers, mentions and the id → mention reference.
 * Without transactions (dynalite has none) a hit is written in an order that a crash can only leave
 * resumable: claim the seen marker (remembering capturedAt), write the mention, write the reference,
 * then mark the claim complete. A retry finds the open claim and finishes the same writes.
 */
export class MentionStore {
  constructor(private readonly items: TableItems) {}

  /**
   * Records one item for one school. `build` is omitted for items that were not flagged:
   * those leave only a seen marker.
   */
  async record(input: SchoolKey & { itemKey: string; capturedAt: string; build?: (capturedAt: string) => Mention }): Promise<RecordOutcome> {
    const markerKey = keys.seen(input, hashKey(input.itemKey));
    const expiresAt = Math.floor(Date.parse(input.capturedAt) / 1000) + SEEN_RETENTION_DAYS * 86400;
    const claimed = await this.items.putIfAbsent({
      ...markerKey,
      state: input.build ? 'claimed' : 'done',
      capturedAt: input.capturedAt,
      expiresAt,
    });
    let capturedAt = input.capturedAt;
    if (!claimed) {
      const marker = await this.items.get(markerKey);
      if (!marker || marker.state === 'done') return 'duplicate';
      capturedAt = marker.capturedAt as string; // resume an interrupted write with its original capture time
    }
    if (!input.build) return 'seen';
    const mention = input.build(capturedAt);
    if (mention.trustId !== input.trustId || mention.schoolId !== input.schoolId) {
      throw new Error(`mention ${mention.id} belongs to ${mention.trustId}/${mention.schoolId}, not ${input.trustId}/${input.schoolId}`);
    }
    const mentionSK = keys.mention(mention, mention.capturedAt, mention.id).SK;
    // The id is derived from trust + school + item, so a reference under another sort key means this item was
    // stored before and its seen marker has since expired (feeds can re-serve old items): one copy only.
    const earlier = await this.items.get(keys.mentionRef(mention.id));
    if (earlier && earlier.mentionSK !== mentionSK) {
      await this.items.set(markerKey, { state: 'done' });
      return 'duplicate';
    }
    await this.items.putIfAbsent(mentionItem(mention));
    await this.items.putIfAbsent({ ...keys.mentionRef(mention.id), schoolId: mention.schoolId, trustId: mention.trustId, mentionSK });
    await this.items.set(markerKey, { state: 'done' });
    return 'stored';
  }

  async get(id: string): Promise<Mention | undefined> {
    const ref = await this.items.get(keys.mentionRef(id));
    if (!ref) return undefined;
    const row = await this.items.get({ PK: schoolPartition(ref.trustId as string, ref.schoolId as string), SK: ref.mentionSK as string });
    return row ? mentionFromItem(row) : undefined;
  }

  /** Newest first, one school. */
  async listForSchool(school: SchoolKey, options: { limit?: number; before?: string } = {}): Promise<MentionPage> {
    const range = options.before ? { from: 'MENTION#', to: `MENTION#${options.before}` } : { prefix: 'MENTION#' };
    const rows = await this.items.query(schoolPartition(school.trustId, school.schoolId), range, { newestFirst: true, limit: options.limit && options.limit + 1 });
    return page(rows.filter((r) => r.SK !== `MENTION#${options.before}`), options.limit);
  }

  /** Newest first, every school of one trust (GSI1). */
  async listForTrust(trustId: string, options: { limit?: number; before?: string } = {}): Promise<MentionPage> {
    // capturedAt starts with a digit, so '0' is below every key (DynamoDB rejects empty strings in key conditions).
    const range = options.before ? { from: '0', to: options.before } : { prefix: '' };
    const rows = await this.items.query(`TRUST#${trustId}`, range, { index: GSI1, newestFirst: true, limit: options.limit && options.limit + 1 });
    return page(rows.filter((r) => r.GSI1SK !== options.before), options.limit);
  }

  /** Mentions of a school not yet included in a digest, oldest first, captured after `since`. */
  async listUndigested(school: SchoolKey, since: string): Promise<Mention[]> {
    const rows = await this.items.query(
      schoolPartition(school.trustId, school.schoolId),
      { from: `MENTION#${since}`, to: 'MENTION#~' },
      { filter: 'attribute_not_exists(digestedAt)' },
    );
    return rows.map(mentionFromItem);
  }

  async markDigested(mentions: Mention[], digestId: string, at: string): Promise<void> {
    for (const m of mentions) await this.items.set(keys.mention(m, m.capturedAt, m.id), { digestedAt: at, digestId });
  }

  /**
   * Clears the "included in a digest" mark on every mention of one school, so the next digest lists them again.
   * Only the local demo's restart calls it, on its own demo schools. Returns how many mentions were cleared.
   */
  async unmarkDigested(school: SchoolKey): Promise<number> {
    const rows = await this.items.query(schoolPartition(school.trustId, school.schoolId), { prefix: 'MENTION#' }, { filter: 'attribute_exists(digestedAt)' });
    let cleared = 0;
    for (const row of rows) {
      const key = { PK: row.PK as string, SK: row.SK as string };
      if (await this.items.set(key, {}, { attr: 'trustId', equals: school.trustId }, ['digestedAt', 'digestId'])) cleared++;
    }
    return cleared;
  }

  /** Where a mention lives (trust, school) from its id alone, without reading the snapshot: for scope checks. */
  async locate(id: string): Promise<{ trustId: string; schoolId: string } | undefined> {
    const ref = await this.items.get(keys.mentionRef(id));
    return ref ? { trustId: ref.trustId as string, schoolId: ref.schoolId as string } : undefined;
  }

  /**
   * One chunk of a trust's (GSI1) or a school's mentions, newest first, with `capturedAt#id` in
   * [`from`, `before`) (`before` exclusive, as returned in `lastKey`). For filtered, paginated listings.
   */
  async scan(partition: ScanPartition, options: ScanOptions): Promise<{ mentions: Mention[]; lastKey?: string; exhausted: boolean }> {
    const chunk = await this.chunk(partition, options);
    return { ...chunk, mentions: chunk.rows.map(mentionFromItem) };
  }

  /**
   * `scan`, reading only the headline fields (no snapshot text, evidence, match or capture): for counting a
   * whole trust without moving every snapshot over the wire.
   */
  async scanHeadlines(partition: ScanPartition, options: ScanOptions): Promise<{ mentions: MentionHeadline[]; lastKey?: string; exhausted: boolean }> {
    const chunk = await this.chunk(partition, options, HEADLINE_ATTRIBUTES);
    return { ...chunk, mentions: chunk.rows.map(headlineFromItem) };
  }

  private async chunk(partition: ScanPartition, options: ScanOptions, fields?: readonly string[]): Promise<{ rows: Item[]; lastKey?: string; exhausted: boolean }> {
    const from = options.from ?? '0';
    const to = options.before ?? '~';
    const trustWide = partition.schoolId === undefined;
    // The sort key is read too: it is what `lastKey` (the next chunk's `before`) is made of.
    const attributes = fields && [...fields, trustWide ? 'GSI1SK' : 'SK'];
    const keyOf = (r: Item) => (trustWide ? (r.GSI1SK as string) : (r.SK as string).slice('MENTION#'.length));
    const { rows, exhausted } = await pastCursor(options.limit, options.before, keyOf, (limit) =>
      trustWide
        ? this.items.query(`TRUST#${partition.trustId}`, { from, to }, { index: GSI1, newestFirst: true, limit, attributes })
        : this.items.query(schoolPartition(partition.trustId, partition.schoolId!), { from: `MENTION#${from}`, to: `MENTION#${to}` }, { newestFirst: true, limit, attributes }),
    );
    const last = rows.at(-1);
    return { rows, lastKey: last ? keyOf(last) : undefined, exhausted };
  }

  /**
   * Every unreviewed (status `new`) mention of a trust, or of one school of it, as headlines, from the sparse
   * unreviewed index: what it reads grows with the backlog, never with reviewed history. Order: by school, then
   * oldest first. `capturedBefore` (one school only) keeps those captured before that instant.
   */
  async unreviewedHeadlines(partition: ScanPartition, options: { capturedBefore?: string } = {}): Promise<MentionHeadline[]> {
    const prefix = partition.schoolId === undefined ? '' : `SCHOOL#${partition.schoolId}#`;
    if (options.capturedBefore !== undefined && partition.schoolId === undefined) throw new Error('capturedBefore needs a school: the trust-wide index key is ordered by school first');
    // `SCHOOL#s#<capturedBefore>` sorts below `SCHOOL#s#<capturedBefore>#id`: items captured at exactly that instant are left out.
    const range = options.capturedBefore !== undefined ? { from: prefix, to: `${prefix}${options.capturedBefore}` } : { prefix };
    const rows = await this.items.query(`TRUST#${partition.trustId}`, range, { index: GSI2, attributes: HEADLINE_ATTRIBUTES });
    return rows.map(headlineFromItem);
  }

  /**
   * Whether a trust (or one school of it) has any stored mention at all: one key read, for the empty state.
   */
  async anyStored(partition: ScanPartition): Promise<boolean> {
    const chunk = await this.chunk(partition, { limit: 1 }, ['id']);
    return chunk.rows.length > 0;
  }

  /**
   * One step of the unreviewed-index migration for one school: reads up to `limit` of its mentions after the
   * sort key `after` (oldest first) and makes each carry the unreviewed-index keys exactly when its status is
   * `new`. Each write is conditional on the status it read, so a review meanwhile wins; writing what is already
   * there is skipped, so running it again changes nothing.
   */
  async repairUnreviewedKeys(school: SchoolKey, options: { after?: string; limit: number }): Promise<{ read: number; added: number; removed: number; raced: number; lastKey?: string; exhausted: boolean }> {
    const { partitionKey: pk, sortKey: sk } = TABLE.unreviewedIndex;
    const from = options.after ?? 'MENTION#';
    const { rows, exhausted } = await pastCursor(options.limit, options.after, (r) => r.SK as string, (limit) =>
      this.items.query(schoolPartition(school.trustId, school.schoolId), { from, to: 'MENTION#~' }, { limit, attributes: ['PK', 'SK', 'id', 'trustId', 'schoolId', 'capturedAt', 'status', pk, sk] }),
    );
    let added = 0;
    let removed = 0;
    let raced = 0;
    for (const row of rows) {
      const key = { PK: row.PK as string, SK: row.SK as string };
      if (row.status === 'new') {
        const want = unreviewedKeys({ trustId: row.trustId as string, schoolId: row.schoolId as string, capturedAt: row.capturedAt as string, id: row.id as string });
        if (row[pk] === want[pk] && row[sk] === want[sk]) continue;
        if (await this.items.set(key, want, { attr: 'status', equals: 'new' })) added++;
        else raced++;
      } else if (row[pk] !== undefined || row[sk] !== undefined) {
        if (await this.items.set(key, {}, { attr: 'status', equals: row.status }, [pk, sk])) removed++;
        else raced++;
      }
    }
    return { read: rows.length, added, removed, raced, lastKey: rows.at(-1)?.SK as string | undefined, exhausted };
  }

  /**
   * Review change: sets status (and review fields) only if the status is still `from`.
   * Returns false when someone changed it meanwhile (or the mention is gone).
   */
  async transitionStatus(
    mention: Pick<Mention, 'trustId' | 'schoolId' | 'capturedAt' | 'id'>,
    from: ReviewStatus,
    to: ReviewStatus,
    review: { reviewedAt: string; reviewedBy: string; assignee?: string },
  ): Promise<boolean> {
    // The unreviewed-index keys change in the same write as the status, so the index never disagrees with it.
    const unreviewed = to === 'new' ? unreviewedKeys(mention) : {};
    const { partitionKey: pk, sortKey: sk } = TABLE.unreviewedIndex;
    return this.items.set(
      keys.mention(mention, mention.capturedAt, mention.id),
      { status: to, reviewedAt: review.reviewedAt, reviewedBy: review.reviewedBy, assignee: review.assignee, ...unreviewed },
      { attr: 'status', equals: from },
      [...(review.assignee ? [] : ['assignee']), ...(to === 'new' ? [] : [pk, sk])],
    );
  }
}

/** A mention as stored: its keys, the trust index keys, and the unreviewed index keys while its status is `new`. */
export function mentionItem(m: Mention): Item {
  return {
    ...keys.mention(m, m.capturedAt, m.id),
    GSI1PK: `TRUST#${m.trustId}`,
    GSI1SK: `${m.capturedAt}#${m.id}`,
    ...(m.status === 'new' ? unreviewedKeys(m) : {}),
    kind: 'mention',
    ...m,
  };
}

/** A stored mention row as a Mention: its table and index keys and digest marks taken off. */
export function mentionFromItem(row: Item): Mention {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, GSI2PK: _u1, GSI2SK: _u2, kind: _k, digestedAt: _d, digestId: _di, ...rest } = row;
  return rest as unknown as Mention;
}

function headlineFromItem(row: Item): MentionHeadline {
  const score = row.score as { categories?: { id: string; severity: Severity }[] } | undefined;
  const optional = (name: 'publishedAt' | 'assignee' | 'alertedAt') => (typeof row[name] === 'string' ? { [name]: row[name] as string } : {});
  return {
    id: row.id as string,
    trustId: row.trustId as string,
    schoolId: row.schoolId as string,
    title: row.title as string,
    capturedAt: row.capturedAt as string,
    ...optional('publishedAt'),
    severity: (row.severity as Severity | null | undefined) ?? null,
    families: (row.families as Family[] | undefined) ?? [],
    status: row.status as ReviewStatus,
    ...optional('assignee'),
    ...optional('alertedAt'),
    categories: (score?.categories ?? []).map((c) => ({ id: c.id, severity: c.severity })),
  };
}

/**
 * Up to `limit` rows past an exclusive `cursor` (the last key of the page before), read by a BETWEEN range, which
 * includes the cursor itself: it is dropped, so one more is read then and `exhausted` still means "nothing after
 * these" (reading limit + 1 ended every walk after its second page).
 */
async function pastCursor(limit: number, cursor: string | undefined, keyOf: (r: Item) => string, read: (limit: number) => Promise<Item[]>): Promise<{ rows: Item[]; exhausted: boolean }> {
  const kept = (await read(limit + (cursor ? 2 : 1))).filter((r) => keyOf(r) !== cursor);
  return { rows: kept.slice(0, limit), exhausted: kept.length <= limit };
}

function page(rows: Item[], limit?: number): MentionPage {
  const slice = limit ? rows.slice(0, limit) : rows;
  const last = slice.at(-1);
  const hasMore = limit !== undefined && rows.length > limit;
  return {
    mentions: slice.map(mentionFromItem),
    nextBefore: hasMore && last ? ((last.GSI1SK as string | undefined) ?? (last.SK as string).slice('MENTION#'.length)) : undefined,
  };
}
