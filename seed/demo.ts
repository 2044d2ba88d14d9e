/**
 * Demonstration stations for three real counties — 赣州市于都县, 吉安市井冈山市, 上饶市鄱阳县 —
 * built on the real administrative divisions of data/regions-jiangxi.json. Everything else
 * (companies, phones, addresses, dates, coordinates) is invented and marked `demo: true`.
 *
 * Deterministic: a seeded PRNG (no Math.random); the same `today` gives the same stations.
 * Dates (certification, last confirmation) are relative to `today` so the demo always shows
 * stations in their cultivation period (培育期) and some whose information is stale.
 *
 * The builders below (PRNG, naming, geometry, disclosure content) are shared with ./province.ts.
 */
import { addDays, fromShanghai, isIsoDate } from '../core/shared/time';
import type { OpeningHours, HoursException, TimeInterval } from '../core/station/hours';
import type { ComplaintChannel, FeeItem, Region, RegionRef, ServiceProcess, Station } from '../core/station/model';
import type { Certification } from '../core/station/rules';
import { SERVICE_CODES, type ServiceCode, type StationLevel, type StationStatus } from '../core/station/vocabulary';
import { loadRegions, populatedTownships, regionIndex, type RegionIndex } from './regions';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** A 32-bit seed from text (FNV-1a). */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for demo data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** `n` distinct items, in their original order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const chosen = new Set(this.shuffle(items.map((_, i) => i)).slice(0, n));
    return items.filter((_, i) => chosen.has(i));
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [value, w] of entries) {
      x -= w;
      if (x < 0) return value;
    }
    return entries[entries.length - 1][0];
  }
}

// ---------------------------------------------------------------------------------------------
// Geometry

export interface LatLng {
  lat: number;
  lng: number;
}

/** The point `km` away from `from` on `bearing` (radians from north), rounded to ~0.1 m. */
export function offsetPoint(from: LatLng, km: number, bearing: number): LatLng {
  const lat = from.lat + (km / 111.32) * Math.cos(bearing);
  const lng = from.lng + (km / (111.32 * Math.cos((from.lat * Math.PI) / 180))) * Math.sin(bearing);
  return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) };
}

// ---------------------------------------------------------------------------------------------
// Names (第七条4)

/** "长征村委会" → "长征村", "新村村委会" → "新村", "城南社区居委会" → "城南社区". */
export function villageShortName(name: string): string {
  const village = /^(.+?)(村民委员会|村民委会|村委会)$/.exec(name);
  if (village) return village[1].endsWith('村') ? village[1] : `${village[1]}村`;
  const community = /^(.+?社区)(居民委员会|居委员会|居居委员会|居委会会|居民委会|居委会|委员会)$/.exec(name);
  if (community) return community[1];
  return name.replace(/(居民委员会|居委员会)$/, '居委会');
}

export function countyCentreName(countyName: string): string {
  return `${countyName}电商扶贫服务运营中心`;
}

/** 乡/镇/街道 use "江西电商扶贫工程XX镇服务站"; other units (垦殖场, 林场…) "江西省电商扶贫XX服务站". */
export function townshipStationName(townshipName: string): string {
  return /(乡|镇|街道)$/.test(townshipName) ? `江西电商扶贫工程${townshipName}服务站` : `江西省电商扶贫${townshipName}服务站`;
}

/** "江西电商扶贫工程XX村服务点"; places that are not 村/社区/居委会 use "江西省电商扶贫XX村级服务点". */
export function villageStationName(villageName: string): string {
  const short = villageShortName(villageName);
  return /(村|社区|居委会)$/.test(short) ? `江西电商扶贫工程${short}服务点` : `江西省电商扶贫${short}村级服务点`;
}

// ---------------------------------------------------------------------------------------------
// Public disclosure content (第十条3)

const iv = (open: string, close: string): TimeInterval => ({ open, close });

function week(days: number[], intervals: TimeInterval[]): OpeningHours['weekly'] {
  return days.map((day) => ({ day, intervals: intervals.map((i) => ({ ...i })) }));
}

const MON_FRI = [1, 2, 3, 4, 5];
const MON_SAT = [1, 2, 3, 4, 5, 6];
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];

export type HoursPattern = 'county' | 'lunch_break' | 'weekdays' | 'six_days' | 'shop' | 'closed_monday' | 'evening';

/** Weekly opening rules; every call returns fresh objects. */
export function weeklyHours(pattern: HoursPattern): OpeningHours['weekly'] {
  switch (pattern) {
    case 'county': // 7 days
      return [...week(MON_FRI, [iv('08:30', '18:00')]), ...week([6, 7], [iv('09:00', '17:00')])];
    case 'lunch_break': // 午休, Saturday morning, Sunday closed
      return [...week(MON_FRI, [iv('08:00', '12:00'), iv('14:00', '18:00')]), ...week([6], [iv('08:30', '12:00')])];
    case 'weekdays': // weekends closed
      return week(MON_FRI, [iv('08:30', '17:30')]);
    case 'six_days':
      return week(MON_SAT, [iv('07:30', '11:30'), iv('13:30', '19:00')]);
    case 'shop': // run from a village shop, open all week
      return week(ALL_WEEK, [iv('07:00', '21:00')]);
    case 'closed_monday':
      return week([2, 3, 4, 5, 6, 7], [iv('08:00', '12:00'), iv('14:30', '20:30')]);
    case 'evening': // a shop with a late shift past midnight
      return week(ALL_WEEK, [iv('09:00', '12:00'), iv('17:00', '01:00')]);
  }
}

export const HOLIDAY_EXCEPTIONS = {
  springFestival2026: (): HoursException[] => [
    { date: '2026-02-16', intervals: [iv('08:00', '12:00')], note: '除夕只营业上午' },
    { date: '2026-02-17', intervals: [], note: '春节休息' },
    { date: '2026-02-18', intervals: [], note: '春节休息' },
  ],
  labourDay2026: (): HoursException[] => [{ date: '2026-05-01', intervals: [], note: '劳动节休息' }],
  nationalDay2026: (): HoursException[] => [
    { date: '2026-10-01', intervals: [], note: '国庆节休息' },
    { date: '2026-10-02', intervals: [iv('09:00', '16:00')], note: '国庆节缩短营业' },
  ],
  doubleEleven2026: (): HoursException[] => [{ date: '2026-11-11', intervals: [iv('08:00', '22:00')], note: '双十一快递高峰延长营业' }],
  newYear2027: (): HoursException[] => [{ date: '2027-01-01', intervals: [], note: '元旦休息' }],
  springFestival2027: (): HoursException[] => [
    { date: '2027-02-05', intervals: [iv('08:00', '12:00')], note: '除夕只营业上午' },
    { date: '2027-02-06', intervals: [], note: '春节休息' },
  ],
};

function sortedExceptions(groups: HoursException[][]): HoursException[] {
  return groups.flat().sort((a, b) => a.date.localeCompare(b.date));
}

export const COUNTY_SERVICES: ServiceCode[] = [
  'product_sales',
  'express',
  'information',
  'policy_consulting',
  'agri_services',
  'startup_support',
  'education_jobs',
  'product_showcase',
  'training',
  'warehousing',
];
const TOWNSHIP_CORE: ServiceCode[] = ['product_sales', 'purchasing', 'express', 'bill_payment'];
const TOWNSHIP_EXTRA: ServiceCode[] = [
  'rural_finance',
  'ticket_booking',
  'medical_booking',
  'information',
  'policy_consulting',
  'agri_services',
  'startup_support',
  'education_jobs',
];
const VILLAGE_CORE: ServiceCode[] = ['product_sales', 'express', 'bill_payment'];
const VILLAGE_EXTRA: ServiceCode[] = ['purchasing', 'rural_finance', 'medical_booking', 'information', 'agri_services', 'policy_consulting'];

/** Services in vocabulary (display) order. */
function ordered(services: Iterable<ServiceCode>): ServiceCode[] {
  const set = new Set(services);
  return SERVICE_CODES.filter((code) => set.has(code));
}

export function servicesFor(level: StationLevel, rng: Rng): ServiceCode[] {
  switch (level) {
    case 'county':
      return ordered(COUNTY_SERVICES);
    case 'township':
      return ordered([...TOWNSHIP_CORE, ...rng.sample(TOWNSHIP_EXTRA, rng.int(2, 5))]);
    case 'village':
      return ordered([...VILLAGE_CORE, ...rng.sample(VILLAGE_EXTRA, rng.int(1, 3))]);
  }
}

export function feesFor(services: ServiceCode[], rng: Rng, remote = false): FeeItem[] {
  const has = (s: ServiceCode) => services.includes(s);
  const fees: FeeItem[] = [];
  if (has('express')) {
    fees.push({ item: '快递代寄', price: remote ? 6 : 5, unit: '件', conditions: `首重1公斤，续重每公斤2元，省内${remote ? '（山区偏远）' : ''}` });
    fees.push({ item: '快递代收', price: 0, unit: '件', conditions: '免费保管3天，逾期每天0.5元' });
  }
  if (has('bill_payment')) {
    fees.push({ item: '代缴电费', price: 0, unit: '次', conditions: '免费' });
    fees.push({ item: '代缴话费', price: 0, unit: '次', conditions: '免费' });
  }
  if (has('information') || rng.chance(0.5)) {
    fees.push({ item: '打印复印', price: 0.5, unit: '页', conditions: 'A4黑白' });
    if (rng.chance(0.4)) fees.push({ item: '彩色打印', price: 1, unit: '页', conditions: 'A4' });
  }
  if (has('product_sales')) fees.push({ item: '扶贫产品代销', price: 0, unit: '单', conditions: '不收取代销服务费' });
  if (has('purchasing')) fees.push({ item: '商品代购', price: 0, unit: '单', conditions: '按商品原价结算，不加价' });
  if (has('rural_finance')) fees.push({ item: '助农取款', price: 0, unit: '笔', conditions: '每卡每日不超过2000元' });
  if (has('ticket_booking')) fees.push({ item: '车票代订', price: 0, unit: '张', conditions: '只收票面价' });
  if (has('warehousing')) fees.push({ item: '仓储服务', price: 0.5, unit: '㎡·天', conditions: '扶贫产品入库前30天免费' });
  if (has('training')) fees.push({ item: '电商技能培训', price: 0, unit: '人次', conditions: '脱贫户、监测户免费' });
  if (has('product_showcase')) fees.push({ item: '产品展示', price: 0, unit: '月', conditions: '本县扶贫产品免费展示' });
  return fees;
}

const PROCESSES: Partial<Record<ServiceCode, ServiceProcess>> = {
  express: { title: '快递收发', steps: ['登记寄件信息', '称重', '付款', '出单'] },
  bill_payment: { title: '便民缴费', steps: ['提供户号', '核对户名与金额', '缴费', '打印或发送凭证'] },
  product_sales: { title: '扶贫产品代销', steps: ['农户送货上门', '质量查验', '登记上架', '售出后7日内结算'] },
  rural_finance: { title: '助农取款', steps: ['出示银行卡及身份证', '刷卡输入密码', '核对金额', '签字取款'] },
  ticket_booking: { title: '车票预订', steps: ['提供乘车人信息', '查询车次', '确认下单并付款', '告知取票方式'] },
  warehousing: { title: '入库存储', steps: ['预约入库', '验货登记', '上架存储', '出库发货'] },
  training: { title: '电商培训报名', steps: ['报名登记', '确认培训时间', '参加培训', '领取结业证明'] },
};

export function processesFor(services: ServiceCode[], max = 4): ServiceProcess[] {
  const order: ServiceCode[] = ['express', 'product_sales', 'bill_payment', 'rural_finance', 'warehousing', 'training', 'ticket_booking'];
  return order
    .filter((s) => services.includes(s) && PROCESSES[s])
    .slice(0, max)
    .map((s) => {
      const p = PROCESSES[s] as ServiceProcess;
      return { title: p.title, steps: [...p.steps] };
    });
}

export function commitmentsFor(level: StationLevel, services: ServiceCode[], rng: Rng): string[] {
  const list = ['明码标价、不收取额外费用'];
  if (services.includes('express')) list.push('快递24小时内发出');
  if (services.includes('product_sales')) list.push('代销货款7日内结清');
  list.push('投诉3个工作日内答复');
  if (level === 'county') list.push('每季度至少一次上门指导乡村站点');
  if (rng.chance(0.6)) list.push('保护客户隐私，不泄露个人信息');
  if (rng.chance(0.4)) list.push('热情接待、耐心服务，老人可预约上门');
  return list;
}

export function complaintChannels(p: { stationPhone: string; operatorHotline: string; countyName: string; bureauPhone: string }): ComplaintChannel[] {
  return [
    { kind: 'station', label: '站点电话', value: p.stationPhone },
    { kind: 'operator', label: '运营单位服务热线', value: p.operatorHotline },
    { kind: 'county', label: `${p.countyName}商务局`, value: p.bureauPhone },
    { kind: 'hotline_12345', label: '12345政务服务便民热线', value: '12345' },
    { kind: 'hotline_12315', label: '12315市场监管投诉举报热线', value: '12315' },
    { kind: 'online', label: '站点通小程序', value: '在站点页点“我要投诉”' },
  ];
}

/** Telephone area codes of the 11 cities. */
export const AREA_CODES: Record<string, string> = {
  '3601': '0791',
  '3602': '0798',
  '3603': '0799',
  '3604': '0792',
  '3605': '0790',
  '3606': '0701',
  '3607': '0797',
  '3608': '0796',
  '3609': '0795',
  '3610': '0794',
  '3611': '0793',
};

/** Fake but well-formed numbers: landlines 0xxx-555xxxx, mobiles 1380000xxxx. */
export const fakeLandline = (areaCode: string, rng: Rng) => `${areaCode}-555${String(rng.int(0, 9999)).padStart(4, '0')}`;
export const fakeMobile = (rng: Rng) => `1380000${String(rng.int(0, 9999)).padStart(4, '0')}`;

// ---------------------------------------------------------------------------------------------
// Life cycle and dates

/** Status of an ordinary (non-forced) station: most are active. */
export const STATUS_WEIGHTS: readonly (readonly [StationStatus, number])[] = [
  ['active', 84],
  ['certified', 5],
  ['notice', 2],
  ['rectification', 3],
  ['closed', 2],
  ['planned', 1.5],
  ['operator_review', 1],
  ['county_review', 1.5],
];

/** Certification date for a status, relative to `today` (null before certification). */
export function certifiedOnFor(status: StationStatus, today: string, rng: Rng): string | null {
  switch (status) {
    case 'certified': // just certified: in its 6-month cultivation period
      return addDays(today, -rng.int(10, 150));
    case 'active':
      return addDays(today, rng.chance(0.12) ? -rng.int(30, 175) : -rng.int(200, 1800));
    case 'rectification':
      return addDays(today, -rng.int(400, 1800));
    case 'closed':
      return addDays(today, -rng.int(700, 2000));
    default:
      return null;
  }
}

/** When the public information was last confirmed; ~10% (more for 整改/关停) older than 180 days. */
export function infoConfirmedOnFor(status: StationStatus, certifiedOn: string | null, today: string, rng: Rng): string {
  const staleShare = status === 'rectification' || status === 'closed' ? 0.5 : 0.09;
  const age = rng.chance(staleShare) ? rng.int(185, 520) : rng.int(0, 170);
  const date = addDays(today, -age);
  return certifiedOn && certifiedOn > date ? certifiedOn : date;
}

export function updatedAtFor(infoConfirmedOn: string, rng: Rng): string {
  return fromShanghai(infoConfirmedOn, rng.int(8 * 60, 18 * 60)).toISOString();
}

export function regionRef(r: Region): RegionRef {
  return { code: r.code, name: r.name };
}

// ---------------------------------------------------------------------------------------------
// The three demo counties

interface Operator {
  name: string;
  hotline: string;
}

interface DemoCounty {
  code: string;
  /** Registered population, rounded. */
  population: number;
  /** Short form used in certificate numbers, e.g. 于 → "于商电扶认〔2024〕017号". */
  abbr: string;
  bureauPhone: string;
  centreAddress: string;
  operator: Operator;
  /** A second company runs some of the stations (null: one company runs all). */
  secondOperator: Operator | null;
  streets: string[];
  /** Mountain county: some village points charge more for parcels. */
  mountainous: boolean;
}

export const YUDU_OPERATOR = '于都县红都农品电子商务有限公司（演示）';

export const DEMO_COUNTIES: DemoCounty[] = [
  {
    code: '360731', // 赣州市于都县
    population: 1_100_000,
    abbr: '于',
    bureauPhone: '0797-5550731',
    centreAddress: '于都县贡江镇长征大道88号电子商务产业园1号楼',
    operator: { name: YUDU_OPERATOR, hotline: '400-000-0731' },
    secondOperator: { name: '于都县邮乐惠农服务有限公司（演示）', hotline: '0797-5550732' },
    streets: ['长征大道', '建设路', '解放路', '圩镇新街', '中心街', '沿河路', '府前路'],
    mountainous: false,
  },
  {
    code: '360881', // 吉安市井冈山市
    population: 170_000,
    abbr: '井',
    bureauPhone: '0796-5550881',
    centreAddress: '井冈山市红星街道井冈山大道199号电商大厦一楼',
    operator: { name: '井冈山市红色乡村电商运营有限公司（演示）', hotline: '400-000-0881' },
    secondOperator: null,
    streets: ['井冈山大道', '红军路', '新街', '老街', '圩镇路', '创业路'],
    mountainous: true,
  },
  {
    code: '361128', // 上饶市鄱阳县
    population: 1_600_000,
    abbr: '鄱',
    bureauPhone: '0793-5551128',
    centreAddress: '鄱阳县饶州街道芝阳路66号电商物流园',
    operator: { name: '鄱阳县湖乡电商运营有限公司（演示）', hotline: '400-000-1128' },
    secondOperator: { name: '鄱阳县供销农品电子商务有限公司（演示）', hotline: '0793-5551129' },
    streets: ['芝阳路', '饶州大道', '湖滨路', '圩镇大街', '人民路', '渔港路', '建设路'],
    mountainous: false,
  },
];

/** The township station a demo station head runs (贡江镇, 于都's seat town; always active). */
export const DEMO_STATION_HEAD_STATION_ID = 'st-360731100-000';

const COUNTY_PLATFORMS = ['832平台', '赣鄱正品', '邮乐购', '淘宝', '京东', '拼多多', '抖音电商'];
const STATION_PLATFORMS = ['832平台', '邮乐购', '赣鄱正品', '供销e家', '拼多多', '淘宝'];
const SURNAMES = ['刘', '陈', '钟', '肖', '曾', '李', '谢', '黄', '邱', '罗', '胡', '温', '管', '彭', '朱', '吴', '王', '张', '徐', '余'];
const VILLAGE_SPOTS = ['村委会旁', '村部一楼', '便民服务中心内', '小卖部内', '老祠堂边'];
const HOURS_WEIGHTS: readonly (readonly [HoursPattern, number])[] = [
  ['lunch_break', 30],
  ['six_days', 20],
  ['shop', 25],
  ['weekdays', 10],
  ['closed_monday', 12],
  ['evening', 3],
];
/** Statuses every county shows at least once (in addition to the weighted draw). */
const FORCED_STATUSES: StationStatus[] = ['certified', 'certified', 'notice', 'rectification', 'closed', 'planned', 'operator_review', 'county_review'];

interface Draft {
  level: StationLevel;
  township?: Region;
  village?: Region;
  location: LatLng;
}

function demoCountyStations(config: DemoCounty, index: RegionIndex, today: string): Station[] {
  const rng = new Rng(seedFrom(`demo-${config.code}`));
  const county = index.byCode.get(config.code) as Region;
  const city = index.byCode.get(county.parentCode as string) as Region;
  const province = index.byCode.get(city.parentCode as string) as Region;
  const seat = county.centre as LatLng;
  const areaCode = AREA_CODES[city.code];

  // 1. Where the stations are.
  const drafts: Draft[] = [{ level: 'county', location: offsetPoint(seat, rng.float(0.3, 1.2), rng.float(0, 2 * Math.PI)) }];
  const towns = populatedTownships(index, county.code);
  const hasSubdistrict = towns.some((t) => t.township.name.endsWith('街道'));
  const isSeatTown = (t: Region) => t.name.endsWith('街道') || (!hasSubdistrict && t.code.endsWith('100'));
  const angleStep = (2 * Math.PI) / towns.length;
  const startAngle = rng.float(0, 2 * Math.PI);
  towns.forEach(({ township, villages }, i) => {
    const km = isSeatTown(township) ? rng.float(0.5, 2.5) : Math.sqrt(rng.float(3 * 3, 28 * 28));
    const location = offsetPoint(seat, km, startAngle + i * angleStep + rng.float(-0.3, 0.3));
    drafts.push({ level: 'township', township, location });
    const share = rng.float(0.26, 0.34);
    for (const village of rng.sample(villages, Math.round(villages.length * share))) {
      drafts.push({ level: 'village', township, village, location: offsetPoint(location, rng.float(0.5, 5), rng.float(0, 2 * Math.PI)) });
    }
  });

  // 2. Statuses: the seat's stations are active; a few forced ones make every status appear.
  const statuses: StationStatus[] = drafts.map(() => rng.weighted(STATUS_WEIGHTS));
  const fixed = new Set<number>([0]);
  statuses[0] = 'active';
  drafts.forEach((d, i) => {
    if (d.level === 'township' && isSeatTown(d.township as Region)) {
      statuses[i] = 'active';
      fixed.add(i);
    }
  });
  const candidates = rng.shuffle(drafts.map((_, i) => i).filter((i) => !fixed.has(i)));
  FORCED_STATUSES.forEach((status, k) => {
    statuses[candidates[k]] = status;
    fixed.add(candidates[k]);
  });

  // 3. Deliberate rule breaches so officials see warnings (第七条4 naming, 第七条1 area).
  const free = candidates.filter((i) => !fixed.has(i));
  const villageIdx = free.filter((i) => drafts[i].level === 'village');
  const townshipIdx = free.filter((i) => drafts[i].level === 'township');
  const badName = config.code === '360881' ? townshipIdx[0] : villageIdx[0];
  const smallArea = config.code === '360731' ? townshipIdx[1] : villageIdx[1];
  const lowPopulation = new Set([villageIdx[2], villageIdx[3]]);

  // 4. The records.
  const stations: Station[] = [];
  const villageCounts = new Map<string, number>();
  for (const t of towns) villageCounts.set(t.township.code, t.villages.length);
  const townshipPopulation = (config.population * 0.85) / towns.length;

  drafts.forEach((d, i) => {
    const status = statuses[i];
    const seq = String(i + 1).padStart(4, '0');
    const code = `JX-${county.code}-${seq}`;
    let id: string;
    let name: string;
    let address: string;
    let areaSqm: number;
    let servicePopulation: number;
    let regionPath: RegionRef[];
    let hoursPattern: HoursPattern;
    let operator = config.operator;
    let platforms: string[];
    let stationPhone: string;
    let personName: string | undefined;

    if (d.level === 'county') {
      id = `st-${county.code}-000`;
      name = countyCentreName(county.name);
      address = config.centreAddress;
      areaSqm = rng.int(30, 120) * 10;
      servicePopulation = config.population;
      regionPath = [province, city, county].map(regionRef);
      hoursPattern = 'county';
      platforms = rng.sample(COUNTY_PLATFORMS, rng.int(5, 7));
      stationPhone = fakeLandline(areaCode, rng);
    } else {
      const township = d.township as Region;
      if (config.secondOperator && !isSeatTown(township) && rng.chance(0.2)) operator = config.secondOperator;
      personName = `${rng.pick(SURNAMES)}站长`;
      platforms = rng.sample(STATION_PLATFORMS, rng.int(1, 3));
      hoursPattern = rng.weighted(HOURS_WEIGHTS);
      if (d.level === 'township') {
        id = `st-${township.code}-000`;
        name = townshipStationName(township.name);
        if (i === badName) name = `${township.name}电子商务服务站`;
        address = `${county.name}${township.name}${rng.pick(config.streets)}${rng.int(1, 220)}号`;
        areaSqm = i === smallArea ? 16 : rng.int(25, 150);
        servicePopulation = Math.round((townshipPopulation * rng.float(0.5, 1.6)) / 10) * 10;
        regionPath = [province, city, county, township].map(regionRef);
        stationPhone = rng.chance(0.6) ? fakeLandline(areaCode, rng) : fakeMobile(rng);
      } else {
        const village = d.village as Region;
        const short = villageShortName(village.name);
        id = `st-${township.code}-${village.code.slice(9)}`;
        name = villageStationName(village.name);
        if (i === badName) name = config.code === '360731' ? `${short}电商服务点` : `${county.name}${short}扶贫超市`;
        const spot = rng.chance(0.4) ? `${rng.int(1, 12)}组${rng.int(1, 80)}号` : rng.pick(VILLAGE_SPOTS);
        address = `${county.name}${township.name}${short}${spot}`;
        areaSqm = i === smallArea ? (config.code === '360881' ? 8 : 6) : rng.int(12, 60);
        servicePopulation = lowPopulation.has(i) || rng.chance(0.03) ? rng.int(12, 29) * 10 : rng.int(50, 400) * 10;
        regionPath = [province, city, county, township, village].map(regionRef);
        stationPhone = fakeMobile(rng);
      }
    }

    const services = servicesFor(d.level, rng);
    const remote = config.mountainous && d.level === 'village' && rng.chance(0.3);
    const certifiedOn = d.level === 'county' ? addDays(today, -rng.int(1500, 2200)) : certifiedOnFor(status, today, rng);
    const certification: Certification | null = certifiedOn
      ? {
          certificateNo: `${config.abbr}商电扶认〔${certifiedOn.slice(0, 4)}〕${String(rng.int(1, 300)).padStart(3, '0')}号`,
          certifiedOn,
          authority: `${county.name}商务局`,
        }
      : null;
    const infoConfirmedOn = infoConfirmedOnFor(status, certifiedOn, today, rng);
    const exceptions = demoExceptions(d.level, hoursPattern, rng);

    stations.push({
      id,
      code,
      level: d.level,
      name,
      regionPath,
      address,
      location: { ...d.location, datum: 'GCJ-02' },
      operator: { ...operator },
      platforms,
      areaSqm,
      servicePopulation,
      photos: [],
      hours: { weekly: weeklyHours(hoursPattern), exceptions },
      services,
      processes: processesFor(services),
      commitments: commitmentsFor(d.level, services, rng),
      fees: feesFor(services, rng, remote),
      complaintChannels: complaintChannels({ stationPhone, operatorHotline: operator.hotline, countyName: county.name, bureauPhone: config.bureauPhone }),
      contact: personName ? { phone: stationPhone, personName } : { phone: stationPhone },
      status,
      certification,
      infoConfirmedOn,
      updatedAt: updatedAtFor(infoConfirmedOn, rng),
      demo: true,
    });
  });
  return stations;
}

/** Dated exceptions: county centres keep every holiday arrangement, others a random selection. */
function demoExceptions(level: StationLevel, pattern: HoursPattern, rng: Rng): HoursException[] {
  const h = HOLIDAY_EXCEPTIONS;
  if (level === 'county') {
    return sortedExceptions([h.springFestival2026(), h.nationalDay2026(), h.doubleEleven2026(), h.newYear2027(), h.springFestival2027()]);
  }
  const groups: HoursException[][] = [h.newYear2027()];
  if (rng.chance(0.7)) groups.push(h.springFestival2026(), h.springFestival2027());
  if (rng.chance(0.4)) groups.push(h.nationalDay2026());
  if (rng.chance(0.2)) groups.push(h.labourDay2026());
  if (level === 'township' && pattern !== 'evening' && rng.chance(0.5)) groups.push(h.doubleEleven2026());
  return sortedExceptions(groups);
}

/**
 * Demo stations of 于都县, 井冈山市 and 鄱阳县: per county one 运营中心, one 服务站 per township-level
 * unit with residents, and 服务点 in roughly 30% of the villages. `today` is YYYY-MM-DD (Asia/Shanghai).
 */
export function demoStations(today: string): Station[] {
  if (!isIsoDate(today)) throw new Error(`demoStations: today must be YYYY-MM-DD, got ${today}`);
  const index = regionIndex(loadRegions());
  return DEMO_COUNTIES.flatMap((config) => demoCountyStations(config, index, today));
}
