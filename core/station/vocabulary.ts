/** Fixed vocabularies of the station directory (第五条3, 第八条, 第十一条). */
import { labelled } from '../shared/labelled';

export const { codes: STATION_LEVELS, labels: LEVEL_LABELS } = labelled({
  county: '县级运营中心',
  township: '乡镇服务站',
  village: '村级服务点',
});
export type StationLevel = (typeof STATION_LEVELS)[number];

/** Minimum usable area in ㎡ by level (第七条1). */
/** Search order of levels (county, township, village): stores index it beside each station. */
export const LEVEL_RANK: Record<StationLevel, number> = { county: 0, township: 1, village: 2 };

export const MIN_AREA_SQM: Record<StationLevel, number> = { county: 200, township: 20, village: 10 };

/** Service population a station should normally reach (第六条1). */
export const MIN_SERVICE_POPULATION = 300;

/** Services of 第八条, as a fixed, filterable vocabulary. Order is display order. */
export const { pairs: SERVICES, codes: SERVICE_CODES, labels: SERVICE_LABELS } = labelled([
  ['product_sales', '扶贫产品代销'],
  ['purchasing', '商品代购'],
  ['express', '快递收发'],
  ['bill_payment', '便民缴费'],
  ['rural_finance', '农村金融服务'],
  ['ticket_booking', '车票预订'],
  ['medical_booking', '就诊预约'],
  ['information', '资讯获取'],
  ['policy_consulting', '政策咨询'],
  ['agri_services', '农业服务'],
  ['startup_support', '创业帮扶'],
  ['education_jobs', '教育就业'],
  ['product_showcase', '产品展示'],
  ['training', '人才培养'],
  ['warehousing', '仓储物流'],
]);
export type ServiceCode = (typeof SERVICE_CODES)[number];

/**
 * Life cycle (第十一条3, 6): planned → operator_review (运营单位初审) → county_review (县级审核)
 * → notice (公示) → certified (认定/授牌) → active; rectification (整改) and closed (关停).
 */
export const { codes: STATION_STATUSES, labels: STATUS_LABELS } = labelled({
  planned: '规划中',
  operator_review: '运营单位初审中',
  county_review: '县级审核中',
  notice: '认定公示中',
  certified: '已认定',
  active: '已认定',
  rectification: '整改中',
  closed: '已关停',
});
export type StationStatus = (typeof STATION_STATUSES)[number];

/** Statuses shown in public lists. Closed stations stay readable by id so old links explain themselves. */
export const LISTED_STATUSES: readonly StationStatus[] = ['notice', 'certified', 'active', 'rectification'];
export const PUBLIC_STATUSES: readonly StationStatus[] = [...LISTED_STATUSES, 'closed'];
/** Statuses that carry a certificate (only these may use the 电商扶贫 name, 第十一条7). */
export const CERTIFIED_STATUSES: readonly StationStatus[] = ['certified', 'active', 'rectification'];

export const CHANNEL_KINDS = ['station', 'operator', 'county', 'hotline_12345', 'hotline_12315', 'online'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * Equipment of 第七条2–3; the first group (network) needs at least one item, the second at least
 * two. Here rather than in certification.ts so the app's forms show the same labels.
 */
export const { pairs: EQUIPMENT, codes: EQUIPMENT_CODES, labels: EQUIPMENT_LABELS } = labelled([
  ['broadband', '宽带网络', 'network'],
  ['computer', '电脑或其他显示设备', 'network'],
  ['mobile', '手机等移动网络端', 'network'],
  ['desk_chairs', '简易桌椅', 'facility'],
  ['shelves', '货架', 'facility'],
  ['showcase', '展示柜', 'facility'],
  ['parcel', '快递收发设施', 'facility'],
]);
export type EquipmentCode = (typeof EQUIPMENT_CODES)[number];
