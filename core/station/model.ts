/**
 * The station record (docs/product.md §2), field names after Open Referral HSDS where one fits.
 * Plain types here; the zod schema in ./schema.ts validates data entering the system.
 */
import type { OpeningHours } from './hours';
import type { Certification, RuleWarning } from './rules';
import type { ChannelKind, ServiceCode, StationLevel, StationStatus } from './vocabulary';

export interface RegionRef {
  code: string; // GB/T 2260 (6 digits) or statistics-bureau code (9 / 12 digits)
  name: string;
}

export interface FeeItem {
  item: string;
  /** Price in yuan; 0 = free. */
  price: number;
  unit: string;
  conditions?: string;
}

export interface ServiceProcess {
  title: string;
  steps: string[];
}

export interface ComplaintChannel {
  kind: ChannelKind;
  label: string;
  /** Phone number, or a short instruction for online channels. */
  value: string;
}

export interface Station {
  id: string;
  code: string;
  level: StationLevel;
  name: string;
  /** Province → city → county [→ township [→ village]], most specific last. */
  regionPath: RegionRef[];
  address: string;
  location: { lat: number; lng: number; datum: 'GCJ-02' };
  operator: { name: string; hotline: string };
  platforms: string[];
  areaSqm: number;
  servicePopulation: number;
  photos: string[];
  hours: OpeningHours;
  services: ServiceCode[];
  processes: ServiceProcess[];
  commitments: string[];
  fees: FeeItem[];
  complaintChannels: ComplaintChannel[];
  contact: { phone: string; personName?: string };
  status: StationStatus;
  certification: Certification | null;
  /** When the public information was last confirmed (YYYY-MM-DD). */
  infoConfirmedOn: string;
  updatedAt: string; // ISO instant
  /** True for the generated demonstration data set. */
  demo?: boolean;
  /** Rule warnings recorded when the station entered the register, with the relaxation reason (第十一条4). */
  register?: { warnings: RuleWarning[]; relaxationReason?: string };
  /** A temporary closure posted by the head (./edits.ts): its days are closed exceptions in `hours`. */
  closure?: { reason: string; from: string; until: string };
}

export interface Region {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township' | 'village';
  parentCode: string | null;
  /** Approximate centre (GCJ-02), known for counties. */
  centre?: { lat: number; lng: number };
}
