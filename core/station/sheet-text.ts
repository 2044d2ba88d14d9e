/**
 * How the structured parts of a station are written in one spreadsheet cell, and read back.
 * Counties keep their registers in Excel; these formats are what an official can type by hand
 * ("周一至周五 08:30-12:00,14:00-18:00；周六 09:00-12:00") and what an export writes, so that an
 * export re-imports unchanged: format(parse(format(x))) === format(x).
 * Parsers answer { value } or { error } with a short Chinese message (no throwing).
 */
import { isIsoDate, parseHHMM } from '../shared/time';
import type { HoursException, OpeningHours, TimeInterval } from './hours';
import type { ComplaintChannel, FeeItem, ServiceProcess } from './model';
import { CHANNEL_KINDS, SERVICE_LABELS, SERVICES, type ChannelKind, type ServiceCode } from './vocabulary';

export type Parsed<T> = { value: T; error?: undefined } | { value?: undefined; error: string };

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAY_ALIASES: Record<string, number> = {
  周一: 1, 周二: 2, 周三: 3, 周四: 4, 周五: 5, 周六: 6, 周日: 7, 周天: 7,
  星期一: 1, 星期二: 2, 星期三: 3, 星期四: 4, 星期五: 5, 星期六: 6, 星期日: 7, 星期天: 7,
};

/** Items of a list cell: separated by ；; or new lines (and 、 where `comma` allows). */
export function splitItems(cell: string, separators = /[；;\n\r]+/): string[] {
  return cell
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const joinItems = (items: string[]) => items.join('；');

// ——— Opening hours ———

function formatIntervals(intervals: TimeInterval[]): string {
  return intervals.map((iv) => `${iv.open}-${iv.close}`).join(',');
}

/** Weekly rules, days with the same hours grouped: "周一至周五 08:30-12:00,14:00-18:00；周六 09:00-12:00". */
export function formatWeekly(hours: OpeningHours): string {
  const byDay: string[] = [];
  for (let day = 1; day <= 7; day++) {
    const intervals = hours.weekly.filter((r) => r.day === day).flatMap((r) => r.intervals);
    byDay.push(formatIntervals([...intervals].sort((a, b) => a.open.localeCompare(b.open))));
  }
  const groups = new Map<string, number[]>();
  byDay.forEach((text, i) => {
    if (!text) return;
    groups.set(text, [...(groups.get(text) ?? []), i + 1]);
  });
  const parts: string[] = [];
  for (const [text, days] of groups) parts.push(`${formatDays(days)} ${text}`);
  // Order by first day so the text reads Monday first.
  return parts.sort((a, b) => dayOrder(a) - dayOrder(b)).join('；');
}

function dayOrder(part: string): number {
  if (part.startsWith('每天')) return 0;
  return WEEKDAY_ALIASES[part.slice(0, 2)] ?? 9;
}

function formatDays(days: number[]): string {
  if (days.length === 7) return '每天';
  const runs: string[] = [];
  let start = days[0];
  for (let i = 1; i <= days.length; i++) {
    if (i === days.length || days[i] !== days[i - 1] + 1) {
      const end = days[i - 1];
      runs.push(end === start ? WEEKDAYS[start - 1] : end === start + 1 ? `${WEEKDAYS[start - 1]}、${WEEKDAYS[end - 1]}` : `${WEEKDAYS[start - 1]}至${WEEKDAYS[end - 1]}`);
      start = days[i];
    }
  }
  return runs.join('、');
}

function parseDays(spec: string): Parsed<number[]> {
  const s = spec.replace(/\s+/g, '');
  if (s === '每天' || s === '每日' || s === '全周') return { value: [1, 2, 3, 4, 5, 6, 7] };
  if (s === '工作日') return { value: [1, 2, 3, 4, 5] };
  const days = new Set<number>();
  for (const piece of s.split(/[、，,]/)) {
    const range = /^(.+?)(?:至|到|-|~|～|—)(.+)$/.exec(piece);
    if (range) {
      const a = WEEKDAY_ALIASES[range[1]];
      const b = WEEKDAY_ALIASES[range[2]];
      if (!a || !b || b < a) return { error: `“${piece}”不是有效的星期范围` };
      for (let d = a; d <= b; d++) days.add(d);
    } else {
      const d = WEEKDAY_ALIASES[piece];
      if (!d) return { error: `“${piece}”不是星期几` };
      days.add(d);
    }
  }
  return { value: [...days].sort((x, y) => x - y) };
}

const TIME = /^([01]?\d|2[0-4])[:：]([0-5]\d)$/;

function parseTime(t: string): string | null {
  const m = TIME.exec(t.trim());
  if (!m) return null;
  const h = Number(m[1]);
  if (h === 24 && m[2] !== '00') return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

function parseIntervals(text: string): Parsed<TimeInterval[]> {
  const t = text.trim();
  if (t === '休息' || t === '不营业') return { value: [] };
  const out: TimeInterval[] = [];
  for (const piece of t.split(/[,，、]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*(?:-|~|～|—|至|到)\s*(.+)$/.exec(piece);
    const open = m && parseTime(m[1]);
    const close = m && parseTime(m[2]);
    if (!open || !close) return { error: `“${piece}”不是时间段，应写成 08:30-12:00` };
    if (open === close) return { error: `“${piece}”开门和打烊时间相同` };
    out.push({ open, close });
  }
  if (out.length === 0) return { error: '没有写时间段' };
  if (out.length > 4) return { error: '每天最多 4 个时间段' };
  return { value: out.sort((a, b) => parseHHMM(a.open) - parseHHMM(b.open)) };
}

/** Parse the weekly hours cell. An empty cell is an error: the public page must show hours (第十条3). */
export function parseWeekly(cell: string): Parsed<OpeningHours['weekly']> {
  const weekly: OpeningHours['weekly'] = [];
  const seen = new Set<number>();
  const parts = splitItems(cell);
  if (parts.length === 0) return { error: '请填写营业时间，如“周一至周五 08:30-17:30”' };
  for (const part of parts) {
    const m = /^(\S+)\s+(.+)$/.exec(part);
    if (!m) return { error: `“${part}”应写成“周一至周五 08:30-17:30”` };
    const days = parseDays(m[1]);
    if (days.error !== undefined) return { error: days.error };
    const intervals = parseIntervals(m[2]);
    if (intervals.error !== undefined) return { error: intervals.error };
    for (const day of days.value) {
      if (seen.has(day)) return { error: `${WEEKDAYS[day - 1]}写了两次` };
      seen.add(day);
      if (intervals.value.length) weekly.push({ day, intervals: intervals.value });
    }
  }
  return { value: weekly.sort((a, b) => a.day - b.day) };
}

/** Dated exceptions: "2026-10-01 休息（国庆）；2026-10-02 09:00-12:00". */
export function formatExceptions(exceptions: HoursException[]): string {
  return joinItems(
    [...exceptions]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e) => `${e.date} ${e.intervals.length ? formatIntervals(e.intervals) : '休息'}${e.note ? `（${e.note}）` : ''}`),
  );
}

export function parseExceptions(cell: string): Parsed<HoursException[]> {
  const out: HoursException[] = [];
  for (const part of splitItems(cell)) {
    const m = /^(\S+)\s+(.+?)(?:\s*[（(](.+)[）)])?$/.exec(part);
    const date = m && normaliseDateText(m[1]);
    if (!m || !date) return { error: `“${part}”应写成“2026-10-01 休息（国庆）”` };
    if (out.some((e) => e.date === date)) return { error: `${date} 写了两次` };
    const intervals = parseIntervals(m[2]);
    if (intervals.error !== undefined) return { error: intervals.error };
    out.push({ date, intervals: intervals.value, ...(m[3] ? { note: m[3].trim() } : {}) });
  }
  return { value: out.sort((a, b) => a.date.localeCompare(b.date)) };
}

// ——— Dates ———

/** "2025-03-01", "2025/3/1", "2025.3.1", "2025年3月1日" → "2025-03-01"; null when not a real date. */
export function normaliseDateText(text: string): string | null {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

// ——— Services, fees, channels, processes ———

const SERVICE_BY_LABEL = new Map<string, ServiceCode>(SERVICES.map(([code, label]) => [label, code]));

export function formatServices(services: ServiceCode[]): string {
  return services.map((s) => SERVICE_LABELS[s]).join('、');
}

export function parseServices(cell: string): Parsed<ServiceCode[]> {
  const out: ServiceCode[] = [];
  for (const item of splitItems(cell, /[、，,；;\n\r]+/)) {
    const code = SERVICE_BY_LABEL.get(item) ?? (SERVICE_LABELS[item as ServiceCode] ? (item as ServiceCode) : undefined);
    if (!code) return { error: `“${item}”不是规定的服务项目（可选：${SERVICES.map(([, l]) => l).join('、')}）` };
    if (!out.includes(code)) out.push(code);
  }
  return { value: out };
}

const money = (n: number) => String(Math.round(n * 100) / 100);

/** "寄快递：8元/件（省内首重1公斤）；代缴电费：0元/次". */
export function formatFees(fees: FeeItem[]): string {
  return joinItems(fees.map((f) => `${f.item}：${money(f.price)}元/${f.unit}${f.conditions ? `（${f.conditions}）` : ''}`));
}

export function parseFees(cell: string): Parsed<FeeItem[]> {
  const out: FeeItem[] = [];
  for (const part of splitItems(cell)) {
    const m = /^(.+?)[：:]\s*(免费|\d+(?:\.\d{1,2})?)\s*(?:元)?\s*(?:\/\s*([^（(]+?))?\s*(?:[（(](.+)[）)])?$/.exec(part);
    if (!m) return { error: `“${part}”应写成“寄快递：8元/件（条件）”` };
    const price = m[2] === '免费' ? 0 : Number(m[2]);
    out.push({ item: m[1].trim(), price, unit: (m[3] ?? '次').trim(), ...(m[4] ? { conditions: m[4].trim() } : {}) });
  }
  return { value: out };
}

export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  station: '站点',
  operator: '运营单位',
  county: '主管部门',
  hotline_12345: '12345',
  hotline_12315: '12315',
  online: '线上',
};

/** The kind a channel's name and value suggest; an explicit 【类别】 prefix overrides it. */
function inferChannelKind(label: string, value: string): ChannelKind {
  if (value === '12345' || label.includes('12345')) return 'hotline_12345';
  if (value === '12315' || label.includes('12315')) return 'hotline_12315';
  if (/运营/.test(label)) return 'operator';
  if (/局|政府|主管|办公室|商务|扶贫/.test(label)) return 'county';
  if (/站|点/.test(label) && /\d/.test(value)) return 'station';
  return /\d{5,}/.test(value) ? 'station' : 'online';
}

/** "站点电话：0797-5551234；【主管部门】于都县商务局：0797-5550731". */
export function formatChannels(channels: ComplaintChannel[]): string {
  return joinItems(
    channels.map((c) => `${inferChannelKind(c.label, c.value) === c.kind ? '' : `【${CHANNEL_KIND_LABELS[c.kind]}】`}${c.label}：${c.value}`),
  );
}

const KIND_BY_LABEL = new Map<string, ChannelKind>(CHANNEL_KINDS.map((k) => [CHANNEL_KIND_LABELS[k], k]));

export function parseChannels(cell: string): Parsed<ComplaintChannel[]> {
  const out: ComplaintChannel[] = [];
  for (const part of splitItems(cell)) {
    const m = /^(?:【(.+?)】)?(.+?)[：:](.+)$/.exec(part);
    if (!m) return { error: `“${part}”应写成“渠道名称：电话或方式”` };
    const label = m[2].trim();
    const value = m[3].trim();
    const kind = m[1] ? KIND_BY_LABEL.get(m[1].trim()) : inferChannelKind(label, value);
    if (!kind) return { error: `“${m[1]}”不是渠道类别（可选：${CHANNEL_KINDS.map((k) => CHANNEL_KIND_LABELS[k]).join('、')}）` };
    out.push({ kind, label, value });
  }
  return { value: out };
}

/** "寄快递：称重→填单→付款；代缴电费：报户号→核对→缴费". */
export function formatProcesses(processes: ServiceProcess[]): string {
  return joinItems(processes.map((p) => `${p.title}：${p.steps.join('→')}`));
}

export function parseProcesses(cell: string): Parsed<ServiceProcess[]> {
  const out: ServiceProcess[] = [];
  for (const part of splitItems(cell)) {
    const m = /^(.+?)[：:](.+)$/.exec(part);
    if (!m) return { error: `“${part}”应写成“流程名称：第一步→第二步”` };
    const steps = m[2].split(/→|->|＞|>/).map((s) => s.trim()).filter(Boolean);
    out.push({ title: m[1].trim(), steps });
  }
  return { value: out };
}
