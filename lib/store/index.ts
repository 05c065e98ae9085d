import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AlertStore } from './alert-store';
import { CaptureStore } from './capture-store';
import { AuditStore } from './audit-store';
import { ConfigStore } from './config-store';
import { DigestStore } from './digest-store';
import { FalsePositiveStore } from './false-positive-store';
import { FeedStateStore } from './feed-state-store';
import { TableItems } from './items';
import { MentionStore } from './mention-store';
import { MigrationStore } from './migration-store';
import { OfstedStateStore } from './ofsted-store';
import { RetentionStore } from './retention-store';
import { ReviewStore } from './review-store';
import { RollupStore } from './rollup-store';
import { SuppressionStore } from './suppression-store';
import { UserStore } from './user-store';

export interface Store {
  config: ConfigStore;
  mentions: MentionStore;
  feeds: FeedStateStore;
  digests: DigestStore;
  users: UserStore;
  reviews: ReviewStore;
  /** Trust roll-up records (`TRUST#t` / `DIGEST#date`). */
  rollups: RollupStore;
  /** Addresses SES reported as bouncing or complaining; digests skip them. */
  suppressions: SuppressionStore;
  falsePositives: FalsePositiveStore;
  retention: RetentionStore;
  /** Urgent-alert windows, batches and per-mention claims. */
  alerts: AlertStore;
  /** Evidence capture status on mentions, and the retry schedule. */
  captures: CaptureStore;
  /** Trust-wide read audit: lists, searches and exports of flagged items. */
  audit: AuditStore;
  /** Per-school Ofsted watch state (last check, validators, reports recorded). */
  ofsted: OfstedStateStore;
  /** Per-school progress of data migrations (`cli migrate`). */
  migrations: MigrationStore;
}

export function createStore(client: DynamoDBClient, tableName: string): Store {
  const items = new TableItems(client, tableName);
  return {
    config: new ConfigStore(items),
    mentions: new MentionStore(items),
    feeds: new FeedStateStore(items),
    digests: new DigestStore(items),
    users: new UserStore(items),
    reviews: new ReviewStore(items),
    rollups: new RollupStore(items),
    suppressions: new SuppressionStore(items),
    falsePositives: new FalsePositiveStore(items),
    retention: new RetentionStore(items),
    alerts: new AlertStore(items),
    captures: new CaptureStore(items),
    audit: new AuditStore(items),
    ofsted: new OfstedStateStore(items),
    migrations: new MigrationStore(items),
  };
}

export { createDynamoClient } from './client';
export { ensureTable } from './table-admin';
export { StoreError } from './errors';
export type { Mention, ReviewStatus } from './types';
