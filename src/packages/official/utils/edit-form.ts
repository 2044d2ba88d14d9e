/**
 * The head's edit form ↔ a station's public information. Lists are typed one item a line (easy on
 * a phone and on a PC); parsing says which line is wrong, in Chinese, so the page can point at it.
 */
import type { PublicInfo } from '@core/station/edits';
import type { ComplaintChannel } from '@core/station/model';

export interface EditForm {
  /** Index 0 = Monday: "08:00-12:00，14:00-18:00", empty = 休息. */
  week: string[];
  /** "2026-10-01 休息 国庆" or "2026-10-02 09:00-12:00 说明", one a line. */
  exceptions: string;
  services: string[];
  /** "名称：步骤1；步骤2" one a line. */
  processes: string;
  commitments: string;
  /** "项目 价格 单位 [条件]" one a line; 价格 0 = 免费. */
  fees: string;
  /** "名称：号码或方式" one a line. */
  channels: string;
  phone: string;
  personName: string;
}

export type FormSection = 'hours' | 'exceptions' | 'services' | 'processes' | 'commitments' | 'fees' | 'channels' | 'contact';

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function formOf(info: PublicInfo): EditForm {
  const week: string[] = [];
  for (let d = 1; d <= 7; d++) week.push(info.hours.weekly.filter((r) => r.day === d).flatMap((r) => r.intervals).map((i) => `${i.open}-${i.close}`).join('，'));
  return {
    week,
    exceptions: info.hours.exceptions.map((e) => [e.date, e.intervals.length ? e.intervals.map((i) => `${i.open}-${i.close}`).join('，') : '休息', e.note ?? ''].join(' ').trim()).join('\n'),
    services: [...info.services],
    processes: info.processes.map((p) => `${p.title}：${p.steps.join('；')}`).join('\n'),
    commitments: info.commitments.join('\n'),
    fees: info.fees.map((f) => [f.item, String(f.price), f.unit, f.conditions ?? ''].join(' ').trim()).join('\n'),
    channels: info.complaintChannels.map((c) => `${c.label}：${c.value}`).join('\n'),
    phone: info.contact.phone,
    personName: info.contact.personName ?? '',
  };
}

function intervals(text: string): { open: string; close: string }[] | null {
  const t = text.trim();
  if (!t || t === '休息') return [];
  const out: { open: string; close: string }[] = [];
  for (const part of t.split(/[，,、;；\s]+/).filter(Boolean)) {
    const [open, close] = part.split(/[-~－—至]/).map((x) => x.trim().padStart(5, '0'));
    if (!open || !close || !TIME.test(open) || !TIME.test(close)) return null;
    out.push({ open, close });
  }
  return out;
}

function channelKind(label: string, value: string, old: ComplaintChannel[]): ComplaintChannel['kind'] {
  const same = old.find((c) => c.label === label);
  if (same) return same.kind;
  if (value === '12345') return 'hotline_12345';
  if (value === '12315') return 'hotline_12315';
  if (/县|区|市/.test(label)) return 'county';
  if (/运营/.test(label)) return 'operator';
  return /^[\d-]+$/.test(value) ? 'station' : 'online';
}

/** The form as public information, or the first problem of each section. */
export function infoOf(form: EditForm, base: PublicInfo): { info: PublicInfo; errors: Partial<Record<FormSection, string>> } {
  const errors: Partial<Record<FormSection, string>> = {};
  const weekly: PublicInfo['hours']['weekly'] = [];
  form.week.forEach((text, i) => {
    const ivs = intervals(text);
    if (ivs === null) errors.hours ??= `周${'一二三四五六日'[i]}的时间写法不对，例：08:00-12:00，14:00-18:00`;
    else if (ivs.length) weekly.push({ day: i + 1, intervals: ivs });
  });
  const exceptions: PublicInfo['hours']['exceptions'] = [];
  lines(form.exceptions).forEach((l, i) => {
    const [date, times, ...note] = l.split(/\s+/);
    const ivs = intervals(times ?? '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') || ivs === null) errors.exceptions ??= `第 ${i + 1} 行写法不对，例：2026-10-01 休息 国庆`;
    else exceptions.push({ date, intervals: ivs, ...(note.length ? { note: note.join(' ') } : {}) });
  });
  if (!form.services.length) errors.services = '至少选择一项服务';
  const processes: PublicInfo['processes'] = [];
  lines(form.processes).forEach((l, i) => {
    const m = /^(.+?)[：:](.+)$/.exec(l);
    const steps = m ? m[2].split(/[；;→]/).map((s) => s.trim()).filter(Boolean) : [];
    if (!m || !steps.length) errors.processes ??= `第 ${i + 1} 行写法不对，例：寄快递：出示证件；称重付费`;
    else processes.push({ title: m[1].trim(), steps });
  });
  const fees: PublicInfo['fees'] = [];
  lines(form.fees).forEach((l, i) => {
    const [item, price, unit, ...cond] = l.split(/\s+/);
    const n = price === '免费' ? 0 : Number(price);
    if (!item || !Number.isFinite(n) || n < 0 || !unit) errors.fees ??= `第 ${i + 1} 行写法不对，例：代缴电费 0 笔`;
    else fees.push({ item, price: n, unit, ...(cond.length ? { conditions: cond.join(' ') } : {}) });
  });
  const complaintChannels: ComplaintChannel[] = [];
  lines(form.channels).forEach((l, i) => {
    const m = /^(.+?)[：:](.+)$/.exec(l);
    if (!m) errors.channels ??= `第 ${i + 1} 行写法不对，例：12345 政务服务便民热线：12345`;
    else complaintChannels.push({ kind: channelKind(m[1].trim(), m[2].trim(), base.complaintChannels), label: m[1].trim(), value: m[2].trim() });
  });
  if (!complaintChannels.length) errors.channels ??= '至少公示一个投诉渠道';
  if (!form.phone.trim()) errors.contact = '请填写联系电话';
  const personName = form.personName.trim();
  return {
    info: {
      hours: { weekly, exceptions },
      services: form.services as PublicInfo['services'],
      processes,
      commitments: lines(form.commitments),
      fees,
      complaintChannels,
      contact: { phone: form.phone.trim(), ...(personName ? { personName } : {}) },
      photos: base.photos,
    },
    errors,
  };
}

/** The form section a server field path points at (`data.info.fees.0.price` → fees). */
export function sectionOfField(path: string): FormSection | null {
  const m = /^(?:data\.)?info\.(\w+)(?:\.(\w+))?/.exec(path);
  if (!m) return null;
  switch (m[1]) {
    case 'hours':
      return m[2] === 'exceptions' ? 'exceptions' : 'hours';
    case 'complaintChannels':
      return 'channels';
    case 'services':
    case 'processes':
    case 'commitments':
    case 'fees':
    case 'contact':
      return m[1];
    default:
      return null;
  }
}

export const SECTION_ORDER: FormSection[] = ['hours', 'exceptions', 'services', 'processes', 'commitments', 'fees', 'channels', 'contact'];
