/**
 * Ports: the storage and platform interfaces the core depends on. Adapters live in ../adapters.
 * Every method may throw AppError('UNAVAILABLE') when the store cannot be reached.
 */
import type { OpeningHours } from './station/hours';
import type { Region, Station } from './station/model';
import type { SheetData } from './station/register-sheet';
import type { ServiceCode, StationLevel, StationStatus } from './station/vocabulary';
import type { RoleBinding } from './authz/roles';
import type { YearDays } from './calendar/workdays';
import type { Complaint, ComplaintCategory, ComplaintStatus, HistoryEntry, OutboxMessage } from './complaint/model';
import type { RatingChange } from './rating/change';
import type { PressureReport, Rating, RatingAggregate } from './rating/model';
import type { Application, ApplicationStatus, Post, PostStatus, TrainingRecord } from './recruitment/model';
import type { Notice, NoticeStatus, Objection } from './notice/model';
import { AppError } from './shared/errors';

export interface StationFilter {
  level?: StationLevel;
  service?: ServiceCode;
  statuses: readonly StationStatus[];
}

/** A place in nearby's order (distance, then station id): where the previous page ended. */
export interface NearbyPosition {
  distanceM: number;
  id: string;
}

export interface NearbyQuery extends StationFilter {
  lat: number;
  lng: number;
  radiusM: number;
  /** Continue after this position (the `last` of the previous page); from the nearest when absent. */
  after?: NearbyPosition;
  limit: number;
  /**
   * Keep only stations whose opening hours pass this test (core decides it, e.g. open at an
   * instant). Adapters may test the hours without loading the rest of the station.
   */
  hoursFilter?: (hours: OpeningHours) => boolean;
  /**
   * Set when hoursFilter is "open at this instant": an adapter may skip, without examining them,
   * stations that cannot be open in its hour of the week (core/station/hours.ts openHourMask).
   */
  openAt?: Date;
  /** With hoursFilter: examine at most this many stations; the page may then be short. */
  scanLimit?: number;
}

export interface NearbyPage {
  items: { station: Station; distanceM: number }[];
  /** True when a station after `last` may exist (more to examine). */
  hasMore: boolean;
  /** The last station examined (with a hoursFilter, possibly not on the page); null when none. */
  last: NearbyPosition | null;
}

export interface SearchQuery extends StationFilter {
  /** Free text: Chinese characters match names and places; latin letters match pinyin initials. */
  text?: string;
  /** Limit to stations whose region path contains this code. */
  regionCode?: string;
  offset: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** True when at least one more item exists after this page. */
  hasMore: boolean;
}

/** A page from `limit + 1` items read (what stores ask for to know whether more exist). */
export function pageOf<T>(items: T[], limit: number): Page<T> {
  return { items: items.slice(0, limit), hasMore: items.length > limit };
}

export interface StationRepository {
  /** Stations within radiusM, nearest first (ties by id), with their distance in metres. */
  nearby(q: NearbyQuery): Promise<NearbyPage>;
  /** Matches ordered by level (county, township, village) then code. */
  search(q: SearchQuery): Promise<Page<Station>>;
  get(id: string): Promise<Station | null>;
  /** Insert or replace whole records. */
  upsertMany(stations: Station[]): Promise<void>;
  count(): Promise<number>;
  /** The register for officials and imports: every status, ordered by code, paged by the last code seen. */
  list(q: RegisterQuery): Promise<Page<Station>>;
  /** How many stations `list` would answer in all (open data pages by number, issue 10 §5). */
  countList(q: Omit<RegisterQuery, 'afterCode' | 'limit' | 'offset'>): Promise<number>;
  /** The distinct operators (运营单位) of stations in these statuses, by name, with one hotline and a count. */
  operators(statuses: readonly StationStatus[]): Promise<OperatorEntry[]>;
  /** The station whose UUID (core/station/hsds.ts stationUuid of its code) this is, or null. */
  getByUuid(uuid: string): Promise<Station | null>;
}

export interface OperatorEntry {
  name: string;
  hotline: string;
  stations: number;
}

export interface RegisterQuery {
  /** Stations whose region path contains this code. */
  regionCode?: string;
  /** Only these station codes (at most 500). */
  codes?: string[];
  level?: StationLevel;
  status?: StationStatus;
  /** Any of these statuses (with `status`, both apply). */
  statuses?: readonly StationStatus[];
  /** Continue after this station code. */
  afterCode?: string;
  /** Skip this many matches first (open data pages by number; prefer afterCode elsewhere). */
  offset?: number;
  limit: number;
}

/** The one station write an appointment makes (docs/product.md §5): the new head becomes its contact person. */
export interface StationContactWriter {
  /** Set the contact person's name (and updatedAt); nothing for a station that does not exist. */
  setContactPerson(stationId: string, personName: string, at: string): Promise<void>;
}

export interface RegionRepository {
  /** Children of a region, or the top level (cities of the province) for null. Sorted by code. */
  children(parentCode: string | null): Promise<Region[]>;
  get(code: string): Promise<Region | null>;
  upsertMany(regions: Region[]): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

// ——— Complaints, roles, audit, outbox, calendar (docs/product.md §3, §6) ———

export interface ComplaintQuery {
  /** Complaints filed by this openid. */
  owner?: string;
  stationIds?: string[];
  /** Any of these region codes in the complaint's regionCodes. */
  regionCodes?: string[];
  /** Assigned to any of these operators. */
  assignedOperators?: string[];
  statuses?: readonly ComplaintStatus[];
  category?: ComplaintCategory;
  /** Only complaints whose active deadline (dueAt) is at or before this instant. */
  dueBefore?: string;
  /**
   * Only complaints the scheduler has work on by this instant: nextActionAt (core/complaint/scheduler.ts)
   * at or before it. Unlike dueBefore it leaves out complaints already escalated for their deadline.
   */
  actionBefore?: string;
  /** Only complaints escalated to at least level 1. */
  escalatedOnly?: boolean;
  /** Only complaints submitted at or after this instant. */
  since?: string;
  /** Only complaints whose tracking number starts with this (upper case). */
  trackingNoPrefix?: string;
  /** Only complaints whose call-back phone ends in these 4 digits (core/complaint/search.ts). */
  phoneLast4?: string;
  /** Only complaints whose station name contains this text (literally, no pattern). */
  stationName?: string;
  order: 'due' | 'newest';
  offset: number;
  limit: number;
}

export interface ComplaintStats {
  total: number;
  byStatus: Partial<Record<ComplaintStatus, number>>;
  byCategory: Partial<Record<ComplaintCategory, number>>;
  byStation: { stationId: string; stationName: string; count: number }[];
  /** Replies made, and how many within their deadline. */
  replied: number;
  repliedOnTime: number;
  /** Final evaluations: satisfied / basically / unsatisfied / none (未评价). */
  evaluations: Partial<Record<'satisfied' | 'basically' | 'unsatisfied' | 'none', number>>;
  /** Complaints with a 督办 issued by hand, with an assignment handed back (退单), with the deadline extended. */
  supervised?: number;
  declined?: number;
  extended?: number;
}

export interface ComplaintChange {
  next: Complaint;
  expectedVersion: number;
  history: HistoryEntry[];
  outbox: OutboxMessage[];
}

/**
 * Another complaint already has this tracking number: `create` wrote nothing, and core draws a
 * new number. An UNAVAILABLE AppError, so that if it ever escaped the retry the caller is told to
 * try again later.
 */
export class TrackingNoTaken extends AppError {
  constructor() {
    super('UNAVAILABLE', '提交的人较多，请稍后再试');
    this.name = 'TrackingNoTaken';
  }
}

export interface ComplaintRepository {
  /**
   * Write a new complaint with its first history entry and outbox messages, all or nothing.
   * `requestKey` makes it idempotent: a second call with the same key returns the first complaint
   * (and the body hash stored with the key, so the caller can tell a retry from a changed resend).
   * `bodyHash`: a keyed hash of the normalised request body, stored with the key.
   * Tracking numbers are unique: TrackingNoTaken when another complaint holds this one.
   */
  create(input: { complaint: Complaint; history: HistoryEntry; outbox: OutboxMessage[]; requestKey: string; bodyHash?: string }): Promise<{ created: boolean; complaint: Complaint; bodyHash: string | null }>;
  get(id: string): Promise<Complaint | null>;
  /** The complaint a request key created, if any (lets a retried submit answer before doing work again). */
  findByRequestKey(requestKey: string): Promise<{ complaint: Complaint; bodyHash: string | null } | null>;
  findByTrackingNo(trackingNo: string): Promise<Complaint | null>;
  /** Apply a transition: complaint, history and outbox together; CONFLICT when the version moved on. */
  apply(change: ComplaintChange): Promise<void>;
  history(id: string): Promise<HistoryEntry[]>;
  list(q: ComplaintQuery): Promise<Page<Complaint>>;
  /** Aggregates for officials and the public station figures; no personal data. */
  stats(q: { regionCodes?: string[]; stationIds?: string[]; since: string }): Promise<ComplaintStats>;
  /** Final complaints filed before `before` whose personal data is not purged yet, oldest first. */
  purgeable(before: string, limit: number): Promise<Complaint[]>;
  /** Count supporters ("我也遇到了"); false when this openid already supports it. */
  addSupporter(id: string, openid: string, at: string): Promise<boolean>;
  /** Whether this openid supports ("我也遇到了") the complaint: they may follow its handling. */
  isSupporter(id: string, openid: string): Promise<boolean>;
  /**
   * Followers of a case (并单 and 我也遇到了): its supporters and the complainants whose own
   * complaint was merged into it, oldest first (ties by openid), at most `limit`. A person may
   * appear twice (supporter and merged); core dedupes.
   */
  followers(caseId: string, limit: number): Promise<Follow[]>;
  /** The cases this openid follows, newest first (ties by case id), at most `limit`. */
  following(openid: string, limit: number): Promise<Follow[]>;
  /**
   * A follower's own evaluation of the case result: the first one is kept (one per follower per
   * case); `saved` is false and `evaluation` the stored one when there already was one.
   */
  saveFollowerEvaluation(e: FollowerEvaluation): Promise<{ saved: boolean; evaluation: FollowerEvaluation }>;
  /** Followers' evaluations of a case, oldest first (ties by openid). */
  followerEvaluations(caseId: string): Promise<FollowerEvaluation[]>;
  /** Remove the words of every follower evaluation of a case (retention purge); the ratings stay. */
  clearFollowerComments(caseId: string): Promise<void>;
}

/** How one person follows one case. */
export interface Follow {
  caseId: string;
  openid: string;
  via: 'supporter' | 'merged';
  /** via merged: the follower's own complaint, merged into the case; null for supporters. */
  complaintId: string | null;
  /** When they started following (support time, or when their complaint was merged). */
  since: string;
}

export interface FollowerEvaluation {
  caseId: string;
  openid: string;
  via: Follow['via'];
  evaluation: 'satisfied' | 'basically' | 'unsatisfied';
  comment: string | null;
  at: string;
}

export interface OutboxRepository {
  /** Unsent messages with fewer than maxAttempts failed attempts, oldest first. */
  pending(limit: number, maxAttempts: number): Promise<OutboxMessage[]>;
  /** Marks sent once; false when it was already sent (a second sender lost the race). */
  markSent(id: string, at: string): Promise<boolean>;
  markFailed(id: string, error: string, at: string): Promise<void>;
  /** Everything for one recipient, newest first (local inspection and tests). */
  forRecipient(openid: string, limit: number): Promise<OutboxMessage[]>;
  /**
   * Queue a digest (core/notify/digest.ts) unless its recipient already has one for `day`
   * (YYYY-MM-DD, Asia/Shanghai): at most one a day per person, also when two runs race. Records
   * it as their last digest. False when one was already queued for that day.
   */
  queueDigest(m: OutboxMessage, day: string): Promise<boolean>;
  /** When this person's last digest was queued (its createdAt), or null. */
  lastDigestAt(openid: string): Promise<string | null>;
  /**
   * Messages that will not be delivered: still unsent after maxAttempts failed attempts; with
   * `lastError`, only those whose last failure was that one (e.g. SubscribeNotConsented).
   */
  undeliverable(maxAttempts: number, lastError?: string): Promise<number>;
  /** One person's messages of these event kinds (the officials' unread items), newest first (ties by id). */
  inbox(openid: string, events: readonly string[], limit: number): Promise<OutboxMessage[]>;
  /** Mark this person's messages about one case read (`readAt`), when they open the case. */
  markRead(openid: string, complaintId: string, at: string): Promise<void>;
}

export interface RoleRepository {
  activeFor(openid: string): Promise<RoleBinding[]>;
  /** Active bindings whose scope is one of these region codes, or station/operator scopes in them. */
  list(q: { offset: number; limit: number }): Promise<Page<RoleBinding>>;
  get(id: string): Promise<RoleBinding | null>;
  insert(binding: RoleBinding): Promise<void>;
  revoke(id: string, by: string, at: string): Promise<boolean>;
  /**
   * The invited person takes a pending binding: `openid` replaces the placeholder and the invite is
   * cleared, only while it is still pending and not revoked (false otherwise: used or withdrawn).
   */
  claim(id: string, pending: string, openid: string): Promise<boolean>;
}

/** One-time invitation codes for role grants: random, and stored only as a hash. */
export interface InviteCodes {
  newCode(): string;
  hash(code: string): string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorOpenid: string | null;
  action: string;
  outcome: 'allowed' | 'denied' | 'done';
  resource: string;
  /** Short reason or detail; never personal data. */
  detail: string;
}

export interface AuditRepository {
  append(entry: AuditEntry): Promise<void>;
  list(q: { resource?: string; action?: string; offset: number; limit: number }): Promise<Page<AuditEntry>>;
}

export interface CalendarRepository {
  adminYears(): Promise<YearDays[]>;
  saveYear(year: YearDays, by: string, at: string): Promise<void>;
}

// ——— Platform services ———

export type ContentVerdict = 'pass' | 'review' | 'risky';
export interface ContentSecurity {
  /**
   * msgSecCheck v2 in the cloud. Throws when the checker fails; what then happens to the text is
   * decided per scene by CONTENT_POLICY (core/content/policy.ts), never by the caller.
   */
  checkText(text: string, ctx: { openid: string; scene: 'complaint' | 'rating' | 'objection' | 'profile' }): Promise<ContentVerdict>;
}

export interface Notifier {
  /** Send one subscribe message; throws on failure so the outbox can retry. */
  send(message: OutboxMessage): Promise<void>;
}

export interface Cipher {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  /** Keyed hash for duplicate detection without storing the value. */
  keyedHash(plain: string): string;
}

export interface FileStore {
  /**
   * Take an uploaded photo into a complaint: check it was uploaded by this person and is a clean
   * image; returns the id to store. Throws VALIDATION_ERROR otherwise.
   */
  claim(fileId: string, openid: string): Promise<string>;
  /** Short-lived URLs, given only to people allowed to see the record. */
  viewUrls(fileIds: string[]): Promise<string[]>;
  /**
   * Take an uploaded voice note (core/media/voice.ts): the caller's own upload, audio within the
   * size cap; returns the id to store. Throws VALIDATION_ERROR otherwise. Absent: no voice notes.
   */
  claimVoice?(fileId: string, openid: string): Promise<string>;
}

/** Spreadsheets of the station register (exceljs behind it). An unreadable file throws VALIDATION_ERROR. */
export interface Spreadsheets {
  read(bytes: Uint8Array): Promise<SheetData>;
  template(): Promise<Uint8Array>;
  write(stations: Station[], kind: 'xlsx' | 'csv'): Promise<Uint8Array>;
  /** A plain .xlsx of tables, one sheet each, the first row a bold header (figures exports). */
  tables(sheets: { name: string; rows: (string | number)[][] }[]): Promise<Uint8Array>;
}

/** Documents officials upload and download (spreadsheets; never shown to the public). */
export interface DocumentFiles {
  /** The bytes of a file this person uploaded; VALIDATION_ERROR when it is not theirs or is gone. */
  readUpload(fileId: string, openid: string): Promise<Uint8Array>;
  /** Keep a generated file for this person and give a short-lived link to download it. */
  offer(name: string, bytes: Uint8Array, openid: string): Promise<{ url: string }>;
}

export interface IdSource {
  /** A unique, URL-safe id. */
  id(): string;
  /** Random characters for human-facing numbers (Crockford base32, no I/L/O/U). */
  code(length: number): string;
}

// ——— Ratings (docs/product.md §4) ———

export interface RatingRepository {
  /**
   * Store a new rating atomically with the station aggregate. Inside one transaction: a repeated
   * requestKey returns the first result; otherwise the rater's current rating on the station is
   * read, `plan` (core/rating/change.ts submitChange) decides, and its RatingChange is written: the
   * replaced rating, the new one, the aggregate delta; the rater is first seen at the new rating's
   * createdAt unless seen before.
   */
  submit(input: { requestKey: string; stationId: string; raterOpenid: string; plan: (current: Rating | null) => RatingChange }): Promise<{ rating: Rating; replaced: Rating | null; created: boolean }>;
  /**
   * Change one rating atomically with the station aggregate: read it (null when missing), let
   * `plan` decide (it throws NOT_FOUND or CONFLICT), write the RatingChange; answers the new rating.
   */
  change(id: string, plan: (current: Rating | null) => RatingChange): Promise<Rating>;
  get(id: string): Promise<Rating | null>;
  /** The rater's current (not replaced) rating on a station, newest first. */
  current(stationId: string, raterOpenid: string): Promise<Rating | null>;
  listPublished(stationId: string, offset: number, limit: number): Promise<Page<Rating>>;
  listByRater(openid: string, offset: number, limit: number): Promise<Page<Rating>>;
  /** Held ratings on stations in any of these regions, oldest first. */
  listHeld(regionCodes: string[], offset: number, limit: number): Promise<Page<Rating>>;
  aggregate(stationId: string): Promise<RatingAggregate | null>;
  /** Published and held ratings on a station created in [since, until) (not rejected, not replaced: one person re-rating counts once). */
  countBetween(stationId: string, since: string, until: string): Promise<number>;
  /** Ratings (any status but replaced; rejected ones count) on a station since `since` by accounts first seen after `newerThan`. */
  countByNewAccounts(stationId: string, since: string, newerThan: string): Promise<number>;
  /** Record that an openid was seen (first time only); returns when it was first seen. */
  touchAccount(openid: string, at: string): Promise<string>;
  addPressureReport(report: PressureReport): Promise<void>;
  listPressureReports(regionCodes: string[], offset: number, limit: number): Promise<Page<PressureReport>>;
  /** Per-station counts and published means for trend views: [since, now) vs the period before. */
  trends(regionCodes: string[], since: string, previousSince: string): Promise<{ stationId: string; stationName: string; recent: number; previous: number; held: number; mean: number | null }[]>;
}

export interface Signer {
  /** Current key id (one character) and an HMAC (base64url) of `payload` for `purpose`. */
  sign(purpose: string, payload: string): { keyId: string; signature: string };
  /** Verify against the key `keyId` (rotated-out keys still verify while they are in the ring). */
  verify(purpose: string, payload: string, keyId: string, signature: string): boolean;
}

export interface CodeImages {
  /** A scannable image for the station's signed scene: mini-program code in the cloud, QR locally. */
  stationCode(scene: string, page: string): Promise<{ contentType: string; base64: string }>;
}

// ——— Recruitment and public notices (docs/product.md §5) ———

export interface RecruitmentRepository {
  insertPost(post: Post): Promise<void>;
  getPost(id: string): Promise<Post | null>;
  /** CONFLICT when the version moved on. */
  updatePost(next: Post, expectedVersion: number): Promise<void>;
  /** Posts in any of these regions (all when omitted), newest first. */
  listPosts(q: { statuses?: readonly PostStatus[]; regionCodes?: string[]; offset: number; limit: number }): Promise<Page<Post>>;
  /**
   * Insert an application; CONFLICT when the same ID number (keyed hash) or the same openid
   * already applied to the post. A repeated requestKey returns the first application.
   */
  insertApplication(app: Application, requestKey: string): Promise<{ application: Application; created: boolean }>;
  getApplication(id: string): Promise<Application | null>;
  updateApplication(next: Application, expectedVersion: number): Promise<void>;
  listApplications(q: { postId?: string; applicantOpenid?: string; statuses?: readonly ApplicationStatus[]; offset: number; limit: number }): Promise<Page<Application>>;
  /** Remove personal data of applications in these statuses last updated before `before`; returns how many. */
  purgePersonalData(statuses: readonly ApplicationStatus[], before: string, at: string): Promise<number>;
  insertTraining(record: TrainingRecord): Promise<void>;
  listTraining(q: { stationIds?: string[]; headOpenid?: string }): Promise<TrainingRecord[]>;
}

export interface NoticeRepository {
  insert(notice: Notice): Promise<void>;
  get(id: string): Promise<Notice | null>;
  update(next: Notice, expectedVersion: number): Promise<void>;
  /** Newest first; `regionCodes` narrows to notices in any of those regions. */
  list(q: { status?: NoticeStatus; regionCodes?: string[]; offset: number; limit: number }): Promise<Page<Notice>>;
  /** Open notices whose last day is before `today` (YYYY-MM-DD). */
  ended(today: string, limit: number): Promise<Notice[]>;
  insertObjection(o: Objection): Promise<void>;
  getObjection(id: string): Promise<Objection | null>;
  updateObjection(next: Objection, expectedVersion: number): Promise<void>;
  listObjections(noticeId: string): Promise<Objection[]>;
}

// ——— Rate limits (core/shared/rate-limit.ts) ———

export interface RateLimitStore {
  /**
   * Count one call against the fixed-window counter `key` if it is below `max`, atomically across
   * instances; true when counted, false when the counter already holds `max` (nothing changes).
   * `expiresAt` is when the window ends; the counter may be removed after it.
   */
  take(key: string, max: number, expiresAt: string): Promise<boolean>;
  /** Remove counters whose window ended before `before`; returns how many (at most `limit`). */
  purge(before: string, limit: number): Promise<number>;
}
