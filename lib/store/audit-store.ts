import { randomBytes } from 'node:crypto';
import type { Role } from '../auth/principal';
import type { Item, TableItems } from './items';

/** Ids kept on one read record; a bigger export keeps the first ones and the count (items stay far below 400 KB). */
export const READ_IDS_KEPT = 1_000;

/**
 * Someone listed, searched or exported flagged items. Lists show evidence excerpts and a search runs over the
 * captured text, so each is a read of personal data: who, when, how, with which filters (including the search
 * text) and which items came back.
 */
export interface ListReadEvent {
  trustId: string;
  at: string;
  actor: string;
  actorRole: Role;
  via: 'page' | 'api' | 'csv';
  filters: Record<string, string | number>;
  /** Items shown (or exported). */
  count: number;
  /** The first READ_IDS_KEPT of them. */
  mentionIds: string[];
}

const pk = (trustId: string) => `AUDIT#TRUST#${trustId}`;

/** Trust-wide read audit (`AUDIT#TRUST#t` / `READ#at#n`). Append-only, like the per-mention trail. */
export class AuditStore {
  constructor(private readonly items: TableItems) {}

  async recordRead(event: ListReadEvent): Promise<void> {
    const mentionIds = event.mentionIds.slice(0, READ_IDS_KEPT);
    await this.items.put({ PK: pk(event.trustId), SK: `READ#${event.at}#${randomBytes(4).toString('hex')}`, kind: 'list-read', ...event, mentionIds });
  }

  /** Newest first. */
  async listReads(trustId: string, limit = 100): Promise<ListReadEvent[]> {
    const rows = await this.items.query(pk(trustId), { prefix: 'READ#' }, { newestFirst: true, limit });
    return rows.map(({ PK: _p, SK: _s, kind: _k, ...rest }: Item) => rest as unknown as ListReadEvent);
  }
}
