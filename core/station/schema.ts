/** Validation of station data entering the system (seeds, officials' edits). */
import { hhmm, isoDate, latitude, longitude, optionalText, phone, text, z } from '../shared/zod';
import { CHANNEL_KINDS, SERVICE_CODES, STATION_LEVELS, STATION_STATUSES } from './vocabulary';

export const intervalSchema = z.strictObject({ open: hhmm, close: hhmm });

export const openingHoursSchema = z.strictObject({
  weekly: z.array(z.strictObject({ day: z.int().check(z.gte(1), z.lte(7)), intervals: z.array(intervalSchema).check(z.maxLength(4)) })).check(z.maxLength(14)),
  exceptions: z.array(z.strictObject({ date: isoDate, intervals: z.array(intervalSchema).check(z.maxLength(4)), note: optionalText(40, '说明') })).check(z.maxLength(60)),
});

export const stationSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9-]{3,40}$/)),
  code: z.string().check(z.regex(/^[A-Z0-9-]{4,30}$/)),
  level: z.enum(STATION_LEVELS),
  name: text(60, '站点名称'),
  regionPath: z.array(z.strictObject({ code: z.string().check(z.regex(/^\d{2,12}$/)), name: text(40, '地区名') })).check(z.minLength(3), z.maxLength(5)),
  address: text(120, '地址'),
  location: z.strictObject({ lat: latitude, lng: longitude, datum: z.literal('GCJ-02') }),
  operator: z.strictObject({ name: text(60, '运营单位'), hotline: phone }),
  platforms: z.array(text(30, '平台')).check(z.maxLength(10)),
  areaSqm: z.number().check(z.gte(0), z.lte(100_000)),
  servicePopulation: z.int().check(z.gte(0), z.lte(10_000_000)),
  photos: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(9)),
  hours: openingHoursSchema,
  services: z.array(z.enum(SERVICE_CODES)).check(z.minLength(1, '至少选择一项服务')),
  processes: z.array(z.strictObject({ title: text(30, '流程名称'), steps: z.array(text(80, '步骤')).check(z.minLength(1), z.maxLength(12)) })).check(z.maxLength(12)),
  commitments: z.array(text(100, '服务承诺')).check(z.maxLength(12)),
  fees: z.array(z.strictObject({ item: text(40, '收费项目'), price: z.number().check(z.gte(0), z.lte(100_000)), unit: text(12, '单位'), conditions: optionalText(80, '条件') })).check(z.maxLength(40)),
  complaintChannels: z.array(z.strictObject({ kind: z.enum(CHANNEL_KINDS), label: text(30, '渠道名称'), value: text(60, '渠道') })).check(z.minLength(1, '至少公示一个投诉渠道')),
  contact: z.strictObject({ phone, personName: optionalText(20, '联系人') }),
  status: z.enum(STATION_STATUSES),
  certification: z.nullable(z.strictObject({ certificateNo: text(40, '证书编号'), certifiedOn: isoDate, authority: text(60, '认定单位') })),
  infoConfirmedOn: isoDate,
  updatedAt: z.string().check(z.minLength(20), z.maxLength(30)),
  demo: z.optional(z.boolean()),
  register: z.optional(
    z.strictObject({
      warnings: z.array(z.strictObject({ code: z.enum(['NAME_FORMAT', 'AREA_BELOW_MINIMUM', 'POPULATION_BELOW_NORM', 'LAYOUT_COUNTY', 'LAYOUT_TOWNSHIP', 'LAYOUT_VILLAGE']), message: text(120, '提示') })).check(z.maxLength(10)),
      relaxationReason: optionalText(200, '放宽理由'),
    }),
  ),
  closure: z.optional(z.strictObject({ reason: text(30, '闭店原因'), from: isoDate, until: isoDate })),
});
