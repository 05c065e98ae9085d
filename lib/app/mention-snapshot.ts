import { createHash } from 'node:crypto';
import type { FeedItem } from '../feeds/types';
import { mentionIdFor } from '../store/mention-store';
import type { Mention } from '../store/types';

/** Snapshots keep at most this much text (the evidence record stays well under DynamoDB's 400 KB item limit). */
export const SNAPSHOT_TEXT_CAP = 20_000;

/** What a snapshot keeps of the item it was made from: a feed item, or an Ofsted report put in the same shape. */
export type SnapshotItem = Pick<FeedItem, 'itemKey' | 'link' | 'canonicalUrl' | 'guid' | 'title' | 'author' | 'publishedAt' | 'text'>;

/** The stored mention for one item and school: feed polls and the Ofsted watch both build it here. */
export function snapshot(input: {
  trustId: string;
  schoolId: string;
  item: SnapshotItem;
  feedUrl: string;
  capturedAt: string;
  match: Mention['match'];
  score: Mention['score'];
}): Mention {
  const { item } = input;
  const text = item.text.slice(0, SNAPSHOT_TEXT_CAP);
  return {
    id: mentionIdFor(input.trustId, input.schoolId, item.itemKey),
    trustId: input.trustId,
    schoolId: input.schoolId,
    itemKey: item.itemKey,
    url: item.link,
    canonicalUrl: item.canonicalUrl,
    feedUrl: input.feedUrl,
    feedItemId: item.guid,
    title: item.title,
    author: item.author,
    publishedAt: item.publishedAt,
    capturedAt: input.capturedAt,
    text,
    textSha256: createHash('sha256').update(text).digest('hex'),
    match: input.match,
    score: input.score,
    severity: input.score.severity,
    families: input.score.families,
    status: 'new',
  };
}
