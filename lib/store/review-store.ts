import { randomBytes } from 'node:crypto';
import type { Role } from '../auth/principal';
import { keys } from './table';
import type { Item, TableItems } from './items';
import type { ReviewStatus } from './types';

/** One change of a mention's review state: who, when, from, to, note, assignee. */
export interface ReviewEvent {
  mentionId: string;
  at: string;
  actor: string;
  actorRole: Role;
  from: ReviewStatus;
  to: ReviewStatus;
  note: string;
  assignee?: string;
  /**
   * What the event records beyond `from → to`: `note` (a note added, status kept), `assign` / `unassign`
   * (the assignee changed, status kept). Absent on status changes (and on events written before this field).
   */
  action?: 'note' | 'assign' | 'unassign';
}

/** A person read the snapshot (page, evidence page or API). */
export interface ViewEvent {
  mentionId: string;
  at: string;
  actor: string;
  actorRole: Role;
  via: 'page' | 'evidence' | 'api' | 'download';
  /** For downloads: which evidence file (screenshot.png, page.html, evidence.zip…). */
  file?: string;
}

/**
 * The audit trail beside each mention: review changes (`MENTION#id` / `EVENT#at#n`) and snapshot reads
 * (`MENTION#id` / `VIEW#at#n`). Append-only: nothing here is ever updated. The random suffix keeps two
 * events in the same millisecond apart.
 */
export class ReviewStore {
  constructor(private readonly items: TableItems) {}

  /** Writes the event and returns its key (so a change that then loses a race can withdraw it). */
  async append(event: ReviewEvent): Promise<{ PK: string; SK: string }> {
    const key = keys.reviewEvent(event.mentionId, `${event.at}#${suffix()}`);
    await this.items.put({ ...key, kind: 'review-event', ...event });
    return key;
  }

  /** Withdraws an event whose state change did not happen (lost a concurrent update). */
  async withdraw(key: { PK: string; SK: string }): Promise<void> {
    await this.items.delete(key);
  }

  /** Oldest first. */
  async history(mentionId: string): Promise<ReviewEvent[]> {
    const rows = await this.items.query(`MENTION#${mentionId}`, { prefix: 'EVENT#' });
    return rows.map((r) => strip(r) as unknown as ReviewEvent);
  }

  async recordView(event: ViewEvent): Promise<void> {
    await this.items.put({ PK: `MENTION#${event.mentionId}`, SK: `VIEW#${event.at}#${suffix()}`, kind: 'view-event', ...event });
  }

  /** Newest first. */
  async views(mentionId: string, limit = 20): Promise<ViewEvent[]> {
    const rows = await this.items.query(`MENTION#${mentionId}`, { prefix: 'VIEW#' }, { newestFirst: true, limit });
    return rows.map((r) => strip(r) as unknown as ViewEvent);
  }
}

const suffix = () => randomBytes(4).toString('hex');

function strip(row: Item): Item {
  const { PK: _p, SK: _s, kind: _k, ...rest } = row;
  return rest;
}
