import type { GiasIndex, GiasRecord } from './types';

/** A GiasIndex over records held in memory: tests, and a stand-in until an extract is imported. */
export class MemoryGiasIndex implements GiasIndex {
  private readonly byUrn: Map<string, GiasRecord>;
  constructor(
    records: readonly GiasRecord[],
    private readonly at?: string,
  ) {
    this.byUrn = new Map(records.map((r) => [r.urn, r]));
  }
  async get(urn: string): Promise<GiasRecord | undefined> {
    return this.byUrn.get(urn);
  }
  async loadedAt(): Promise<string | undefined> {
    return this.byUrn.size ? this.at : undefined;
  }
}
