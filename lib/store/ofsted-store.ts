import { keys, type SchoolKey } from './table';
import type { TableItems } from './items';

/** What the Ofsted watch remembers about one school (trust + school), between daily checks. */
export interface OfstedState {
  /** The URN these validators and reports belong to; a changed URN starts afresh. */
  urn: string;
  /** When the provider page was last asked for (fetched, not modified, or failed): the once-a-day gate. */
  lastCheckedAt?: string;
  lastSuccessAt?: string;
  etag?: string;
  lastModified?: string;
  /** Report ids already recorded, or seen on the first check and deliberately not recorded; newest first, capped. */
  knownReports?: string[];
  lastOutcome?: 'recorded' | 'nothing-new' | 'not-modified' | 'no-reports' | 'failed';
  lastError?: string;
  lastErrorCode?: string;
}

/** Reports remembered per school: years of inspections (a school has a few a decade). */
export const KNOWN_REPORTS_CAP = 50;

export class OfstedStateStore {
  constructor(private readonly items: TableItems) {}

  async get(school: SchoolKey): Promise<OfstedState | undefined> {
    const row = await this.items.get(keys.ofsted(school));
    if (!row) return undefined;
    const { PK: _p, SK: _s, ...state } = row;
    return state as unknown as OfstedState;
  }

  async save(school: SchoolKey, state: OfstedState): Promise<void> {
    const clean = Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined));
    await this.items.put({ ...keys.ofsted(school), ...clean, knownReports: (state.knownReports ?? []).slice(0, KNOWN_REPORTS_CAP) });
  }
}
