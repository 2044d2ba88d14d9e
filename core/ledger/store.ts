/** The ledger repository port (adapters/sqlite/ledger.ts, adapters/cloudbase/ledger.ts; test/contract/ledger.contract.ts). */
import type { LedgerChange, LedgerEntry, LedgerStatus } from './model';
import type { GroupLevel, SumRow } from './rollup';

export interface LedgerQuery {
  stationIds?: string[];
  operatorNames?: string[];
  /** Entries whose region path contains any of these codes. */
  regionCodes?: string[];
  statuses?: LedgerStatus[];
  /** Inclusive YYYY-MM bounds. */
  monthFrom?: string;
  monthTo?: string;
  /** By recording time (createdAt, then id). */
  order: 'oldest' | 'newest';
  offset: number;
  limit: number;
}

export interface LedgerSumQuery {
  /** The region whose entries are added up (its path contains the code). */
  regionCode: string;
  /** What a group is: the region's children (rollup.ts groupOf). */
  level: GroupLevel;
  monthFrom: string;
  monthTo: string;
  statuses: readonly LedgerStatus[];
}

export interface LedgerRepository {
  /** Insert a new entry (ids are fresh; a duplicate id fails), or update one when its version still matches (else CONFLICT). */
  apply(change: LedgerChange): Promise<void>;
  get(id: string): Promise<LedgerEntry | null>;
  list(q: LedgerQuery): Promise<{ items: LedgerEntry[]; hasMore: boolean }>;
  /** Sums per group and kind, as `groupEntries` computes them (order not significant). */
  sums(q: LedgerSumQuery): Promise<SumRow[]>;
}
