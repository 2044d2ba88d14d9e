/** Station and complaint data shaped like the functions' answers (core/station/api.ts, core/complaint/api.ts types). */
import type { ComplaintListItem, ComplaintView } from '@core/complaint/api';
import type { StationDetail, StationSummary } from '@core/station/api';
import type { ComplaintCaseView } from '@/services/complaints-admin';

/** Wednesday 2025-06-04 10:00 in Asia/Shanghai. */
export const WED_10AM = new Date('2025-06-04T02:00:00Z');

export function summary(over: Partial<StationSummary> = {}): StationSummary {
  return {
    id: 'st-ydgj-01',
    code: 'JX-YD-001',
    name: '江西电商扶贫工程贡江镇服务站',
    level: 'township',
    status: 'active',
    statusLabel: '已认定',
    place: '于都县 · 贡江镇',
    address: '于都县贡江镇长征大道 18 号',
    location: { lat: 25.952, lng: 115.415 },
    services: ['express', 'bill_payment', 'product_sales'],
    phone: '0797-6221234',
    hours: { state: 'open', label: '营业中', detail: '今天 18:00 打烊' },
    certified: true,
    inCultivation: false,
    stale: false,
    demo: true,
    distanceM: 1234,
    ...over,
  };
}

export function detail(over: Partial<StationDetail> = {}): StationDetail {
  return {
    ...summary(),
    distanceM: undefined,
    regionPath: [
      { code: '36', name: '江西省' },
      { code: '3607', name: '赣州市' },
      { code: '360731', name: '于都县' },
      { code: '360731100', name: '贡江镇' },
    ],
    locationDatum: 'GCJ-02',
    operator: { name: '于都县电商运营有限公司', hotline: '400-800-1234' },
    platforms: ['淘宝', '拼多多'],
    areaSqm: 60,
    servicePopulation: 12000,
    photos: [],
    openingHours: {
      weekly: [1, 2, 3, 4, 5].map((day) => ({ day, intervals: [{ open: '08:00', close: '12:00' }, { open: '14:00', close: '18:00' }] })).concat([
        { day: 6, intervals: [{ open: '09:00', close: '12:00' }] },
      ]),
      exceptions: [
        { date: '2025-06-02', intervals: [], note: '端午节' },
        { date: '2025-10-01', intervals: [], note: '国庆节' },
        { date: '2025-10-08', intervals: [{ open: '09:00', close: '15:00' }], note: '调整' },
      ],
    },
    week: [
      { days: '周一至周五', text: '08:00-12:00，14:00-18:00' },
      { days: '周六', text: '09:00-12:00' },
      { days: '周日', text: '休息' },
    ],
    processes: [{ title: '寄快递', steps: ['带上物品和收件地址', '站点称重、填单', '付款、拿回单号'] }],
    commitments: ['明码标价，不乱收费', '快递丢失照价赔偿'],
    fees: [
      { item: '代收电费', price: 0, unit: '笔' },
      { item: '快递代寄', price: 5, unit: '件', conditions: '1 公斤以内，省内' },
      { item: '复印', price: 0.5, unit: '页' },
    ],
    complaintChannels: [
      { kind: 'station', label: '站点负责人', value: '13800001234' },
      { kind: 'county', label: '于都县商务局', value: '0797-6331234' },
      { kind: 'hotline_12345', label: '12345 政务服务热线', value: '12345' },
      { kind: 'online', label: '网上投诉', value: '在“赣服通”搜索 12345 留言' },
    ],
    contactPerson: '刘站长',
    certification: { certificateNo: 'JXDSFP-2024-0188', certifiedOn: '2024-03-15', authority: '于都县商务局' },
    infoConfirmedOn: '2025-05-20',
    infoAgeDays: 15,
    demo: false,
    ...over,
  };
}

/** What the officials' case view adds to the complainant's view: a county case nobody handles yet. */
export const OFFICIAL_CASE_FIELDS = {
  regionCodes: ['36', '3607', '360731'],
  operatorName: '于都县红都农品电子商务有限公司',
  held: false,
  overdue: null,
  dueAt: '2025-06-06T16:00:00Z',
  escalationLevel: 0,
  escalationLabel: '县级',
  assignee: null,
  assigneeLabel: null,
  refusal: null,
  extension: null,
  mergedInto: null,
  reopenCount: 0,
  phone: null,
  complainant: '投诉人（138****1234）',
  allowedActions: [] as string[],
  intakeLabel: null,
  calendarWarning: null,
};

/** A complaint as its complainant sees it: just submitted, 待受理. */
export function complaintView(over: Partial<ComplaintView> = {}): ComplaintView {
  return {
    id: 'cmp-0001-abcdef',
    trackingNo: 'TS250604AB12CD',
    version: 1,
    stationId: 'st-ydgj-01',
    stationName: '江西电商扶贫工程贡江镇服务站',
    category: 'overcharge',
    categoryLabel: '乱收费/未明码标价',
    description: '寄快递收了15元，墙上写5元。',
    photos: [],
    status: 'submitted',
    statusLabel: '待受理',
    submittedAt: '2025-06-04T02:00:00.000Z',
    acceptDueOn: '2025-06-09',
    replyDueOn: null,
    deadlineProvisional: false,
    reply: null,
    evaluation: null,
    canWithdraw: true,
    canEvaluate: false,
    phoneMasked: null,
    shareIdentity: false,
    supporters: 0,
    timeline: [{ at: '2025-06-04T02:00:00.000Z', action: 'submit', label: '提交投诉', status: 'submitted', note: '请于 2025-06-09 前受理' }],
    ...over,
  };
}

/** That complaint as a row of a list (我的投诉, the officials' queue). */
export function complaintListItem(over: Partial<ComplaintListItem> = {}): ComplaintListItem {
  const { id, trackingNo, stationName, categoryLabel, status, statusLabel, submittedAt, deadlineProvisional } = complaintView();
  return { id, trackingNo, stationName, categoryLabel, status, statusLabel, submittedAt, deadlineProvisional, dueAt: null, overdue: null, escalationLevel: 0, held: false, ...over };
}

/** A case as the officials' case page gets it: 待受理 at the county, version 3. */
export function officialCaseView(over: Partial<ComplaintCaseView> = {}): ComplaintCaseView {
  return {
    ...complaintView({
      id: 'cmp000001',
      trackingNo: 'TS250604ABCDEF',
      version: 3,
      stationId: 'st-360731100-000',
      description: '寄快递多收了 5 元',
      submittedAt: '2025-06-03T02:00:00Z',
      acceptDueOn: '2025-06-06',
      canWithdraw: false,
      phoneMasked: '138****1234',
      timeline: [],
    }),
    ...OFFICIAL_CASE_FIELDS,
    ...over,
  };
}
