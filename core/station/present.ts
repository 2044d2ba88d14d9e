/** Station → what the public sees. Derived facts are computed at read time, never stored. */
import type { StationDetail, StationSummary } from './api';
import { SHANGHAI_OFFSET_MIN, toShanghai } from '../shared/time';
import { describeWeek, hoursStatus } from './hours';
import type { Station } from './model';
import { FRESHNESS_DAYS, trustFacts, type TrustFacts } from './rules';
import { STATUS_LABELS } from './vocabulary';

/** Kept per station object (stations are never mutated): every list page shows it again. */
const places = new WeakMap<Station, string>();

export function placeOf(s: Station): string {
  let place = places.get(s);
  if (place === undefined) {
    // Skip province and city: a villager knows which county they are in.
    place = s.regionPath.slice(2).map((r) => r.name).join(' · ');
    places.set(s, place);
  }
  return place;
}

/**
 * Trust facts change only with the Shanghai date: kept per station object for the day it was
 * computed (stations are never mutated; a rewritten one is a new object).
 */
const trustByStation = new WeakMap<Station, { day: number; freshnessDays: number; facts: TrustFacts }>();

function trustOf(s: Station, now: Date, freshnessDays: number): TrustFacts {
  const day = Math.floor((now.getTime() + SHANGHAI_OFFSET_MIN * 60_000) / 86_400_000);
  const hit = trustByStation.get(s);
  if (hit && hit.day === day && hit.freshnessDays === freshnessDays) return hit.facts;
  const facts = trustFacts(s, now, freshnessDays);
  trustByStation.set(s, { day, freshnessDays, facts });
  return facts;
}

/** The station's region's freshness days (core/settings); absent: the default. */
export type FreshnessOf = (s: Station) => number;
const defaultFreshness: FreshnessOf = () => FRESHNESS_DAYS;

export function toSummary(s: Station, now: Date, distanceM?: number, freshness: FreshnessOf = defaultFreshness): StationSummary {
  const hours = hoursStatus(s.hours, now);
  const trust = trustOf(s, now, freshness(s));
  const summary: StationSummary = {
    id: s.id,
    code: s.code,
    name: s.name,
    level: s.level,
    status: s.status,
    statusLabel: STATUS_LABELS[s.status],
    place: placeOf(s),
    address: s.address,
    location: { lat: s.location.lat, lng: s.location.lng },
    services: s.services,
    phone: s.contact.phone,
    hours: { state: hours.state, label: hours.label, detail: hours.detail, ...(hours.note ? { note: hours.note } : {}) },
    certified: trust.certified,
    inCultivation: trust.inCultivation,
    stale: trust.stale,
    demo: !!s.demo,
  };
  if (distanceM !== undefined) summary.distanceM = Math.round(distanceM);
  return summary;
}

export function toDetail(s: Station, now: Date, freshness: FreshnessOf = defaultFreshness): StationDetail {
  const trust = trustOf(s, now, freshness(s));
  return {
    ...toSummary(s, now, undefined, freshness),
    regionPath: s.regionPath,
    locationDatum: s.location.datum,
    operator: s.operator,
    platforms: s.platforms,
    areaSqm: s.areaSqm,
    servicePopulation: s.servicePopulation,
    photos: s.photos,
    openingHours: s.hours,
    week: describeWeek(s.hours),
    processes: s.processes,
    commitments: s.commitments,
    fees: s.fees,
    complaintChannels: s.complaintChannels,
    ...(s.contact.personName ? { contactPerson: s.contact.personName } : {}),
    certification: trust.certified ? s.certification : null,
    ...(trust.cultivationEndsOn ? { cultivationEndsOn: trust.cultivationEndsOn } : {}),
    infoConfirmedOn: s.infoConfirmedOn,
    infoAgeDays: trust.infoAgeDays,
    ...(s.closure && s.closure.until >= toShanghai(now).date ? { closure: s.closure } : {}),
  };
}
