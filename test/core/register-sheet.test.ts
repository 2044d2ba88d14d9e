import fc from 'fast-check';
import type { Region, Station } from '../../core/station/model';
import {
  COLUMNS,
  COLUMN_TITLES,
  issueText,
  MAX_IMPORT_ROWS,
  planImport,
  stationToRow,
  summaryLine,
  type ColumnKey,
  type ImportContext,
  type SheetCell,
  type SheetData,
} from '../../core/station/register-sheet';
import {
  formatChannels,
  formatExceptions,
  formatFees,
  formatProcesses,
  formatWeekly,
  normaliseDateText,
  parseChannels,
  parseExceptions,
  parseFees,
  parseProcesses,
  parseWeekly,
} from '../../core/station/sheet-text';
import type { OpeningHours } from '../../core/station/hours';
import { CHANNEL_KINDS } from '../../core/station/vocabulary';

const TODAY = '2026-12-04';
const NOW = '2026-12-04T02:00:00.000Z';

const REGIONS: Region[] = [
  { code: '36', name: '江西省', level: 'province', parentCode: null },
  { code: '3607', name: '赣州市', level: 'city', parentCode: '36' },
  { code: '360731', name: '于都县', level: 'county', parentCode: '3607' },
  { code: '360731100', name: '贡江镇', level: 'township', parentCode: '360731' },
  { code: '360731100201', name: '水头村委会', level: 'village', parentCode: '360731100' },
  { code: '360731100202', name: '上窑村委会', level: 'village', parentCode: '360731100' },
  { code: '360731101', name: '铁山垅镇', level: 'township', parentCode: '360731' },
  { code: '3608', name: '吉安市', level: 'city', parentCode: '36' },
  { code: '360881', name: '井冈山市', level: 'county', parentCode: '3608' },
];
const byCode = new Map(REGIONS.map((r) => [r.code, r]));

function ctx(existing: Station[] = [], extra: Partial<ImportContext> = {}): ImportContext {
  return { region: (c) => byCode.get(c), existing, today: TODAY, nowIso: NOW, ...extra };
}

const GOOD: Record<ColumnKey, SheetCell> = {
  code: 'JX-360731-0001',
  name: '江西电商扶贫工程贡江镇服务站',
  level: '乡镇服务站',
  regionCode: '360731100',
  address: '于都县贡江镇长征大道1号',
  lat: 25.95,
  lng: 115.41,
  operatorName: '于都县红都农品电子商务有限公司',
  operatorHotline: '400-000-0731',
  platforms: '832平台、邮乐购',
  areaSqm: 60,
  servicePopulation: 8000,
  weeklyHours: '周一至周五 08:30-12:00,14:00-18:00；周六 09:00-12:00',
  hoursExceptions: '2026-10-01 休息（国庆）',
  services: '快递收发、便民缴费',
  processes: '寄快递：称重→填单→付款',
  commitments: '明码标价；快递24小时内发出',
  fees: '寄快递：8元/件（省内首重1公斤）；代缴电费：免费',
  channels: '站点电话：0797-5551234；12345政务服务便民热线：12345',
  contactPhone: '13800001234',
  contactPerson: '刘站长',
  certificateNo: '于商电扶认〔2024〕001号',
  certifiedOn: '2024-03-01',
  authority: '于都县商务局',
  status: '运营中',
  infoConfirmedOn: '2026-11-01',
  relaxationReason: '',
  id: '',
  demo: '',
};

function sheet(rows: Partial<Record<ColumnKey, SheetCell>>[], headers: string[] = COLUMNS.map((c) => c.title)): SheetData {
  // Headers in COLUMNS order (spelled however the test likes), then any extra columns.
  const keys = headers.map((h, i) => COLUMNS.find((c) => c.title === h)?.key ?? (headers.length >= COLUMNS.length ? COLUMNS[i]?.key : undefined));
  return {
    headers,
    rows: rows.map((r, i) => ({ row: i + 2, cells: keys.map((k) => (k ? ((k in r ? r[k] : GOOD[k]) ?? null) : null)) })),
  };
}

const importOne = (row: Partial<Record<ColumnKey, SheetCell>>, existing: Station[] = []) => planImport(sheet([row]), ctx(existing));

describe('cell formats round-trip', () => {
  const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const interval = fc.tuple(time, time).filter(([a, b]) => a !== b).map(([open, close]) => ({ open, close }));
  const weekly = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.array(interval, { minLength: 1, maxLength: 3 })), { maxLength: 7 })
    .map((rules) => {
      const seen = new Set<number>();
      return rules.filter(([d]) => !seen.has(d) && seen.add(d)).map(([day, intervals]) => ({ day, intervals }));
    });

  it('weekly hours: format → parse → format is stable and keeps every day', () => {
    fc.assert(
      fc.property(weekly, (rules) => {
        const hours: OpeningHours = { weekly: rules, exceptions: [] };
        const text = formatWeekly(hours);
        if (rules.length === 0) return text === '';
        const parsed = parseWeekly(text);
        expect(parsed.error).toBeUndefined();
        expect(formatWeekly({ weekly: parsed.value ?? [], exceptions: [] })).toBe(text);
        expect(new Set(parsed.value?.map((r) => r.day))).toEqual(new Set(rules.map((r) => r.day)));
        return true;
      }),
    );
  });

  it('reads what an official types', () => {
    expect(parseWeekly('每天 8:00-20:00').value).toHaveLength(7);
    expect(parseWeekly('工作日 08:00-17:00；周六、周日 休息').value?.map((r) => r.day)).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekly('周一到周三 09:00～12:00').value?.[0]).toEqual({ day: 1, intervals: [{ open: '09:00', close: '12:00' }] });
    expect(parseWeekly('周二 18:00-02:00').value?.[0].intervals).toEqual([{ open: '18:00', close: '02:00' }]);
    expect(parseWeekly('').error).toContain('请填写营业时间');
    expect(parseWeekly('周八 08:00-12:00').error).toBe('“周八”不是星期几');
    expect(parseWeekly('周一 8点到12点').error).toContain('应写成 08:30-12:00');
    expect(parseWeekly('周一 08:00-12:00；周一至周五 14:00-18:00').error).toBe('周一写了两次');
  });

  it('exceptions, fees, channels and processes round-trip', () => {
    const exceptions = [
      { date: '2026-10-01', intervals: [], note: '国庆' },
      { date: '2026-10-02', intervals: [{ open: '09:00', close: '12:00' }] },
    ];
    expect(parseExceptions(formatExceptions(exceptions)).value).toEqual(exceptions);
    const fees = [
      { item: '寄快递', price: 8, unit: '件', conditions: '省内首重1公斤' },
      { item: '代缴电费', price: 0, unit: '次' },
      { item: '打印', price: 0.5, unit: '页' },
    ];
    expect(parseFees(formatFees(fees)).value).toEqual(fees);
    expect(parseFees('代缴电费：免费').value).toEqual([{ item: '代缴电费', price: 0, unit: '次' }]);
    expect(parseFees('寄快递八元').error).toContain('应写成');
    const channels = CHANNEL_KINDS.map((kind, i) => ({ kind, label: `渠道${i}`, value: i % 2 ? '0797-5551234' : '在站点页点“我要投诉”' }));
    expect(parseChannels(formatChannels(channels)).value).toEqual(channels);
    expect(parseChannels('【未知】某处：123').error).toContain('不是渠道类别');
    const processes = [{ title: '寄快递', steps: ['称重', '填单', '付款'] }];
    expect(parseProcesses(formatProcesses(processes)).value).toEqual(processes);
  });

  it('dates typed as text become ISO dates; impossible ones are refused', () => {
    expect(normaliseDateText('2025/3/1')).toBe('2025-03-01');
    expect(normaliseDateText('2025年3月1日')).toBe('2025-03-01');
    expect(normaliseDateText('2025.03.01')).toBe('2025-03-01');
    expect(normaliseDateText('2025-02-30')).toBeNull();
    expect(normaliseDateText('三月一日')).toBeNull();
  });
});

describe('planImport', () => {
  it('imports a good row into a complete, valid station', () => {
    const plan = importOne({});
    expect(plan.fileErrors).toEqual([]);
    expect(plan.rows[0]).toMatchObject({ row: 2, action: 'import', errors: [], warnings: [] });
    const s = plan.changes[0];
    expect(s).toMatchObject({
      id: 'st-jx-360731-0001',
      code: 'JX-360731-0001',
      level: 'township',
      status: 'active',
      location: { lat: 25.95, lng: 115.41, datum: 'GCJ-02' },
      certification: { certificateNo: '于商电扶认〔2024〕001号', certifiedOn: '2024-03-01', authority: '于都县商务局' },
      infoConfirmedOn: '2026-11-01',
      updatedAt: NOW,
    });
    expect(s.regionPath.map((r) => r.name)).toEqual(['江西省', '赣州市', '于都县', '贡江镇']);
    expect(s.services).toEqual(['express', 'bill_payment']);
    expect(summaryLine(plan.summary)).toBe('1 imported, 0 updated, 0 unchanged, 0 rejected');
  });

  it('reports each bad cell as 第 N 行 列名：message, and imports nothing from that row', () => {
    const plan = planImport(sheet([{}, {}, {}, {}, {}, { code: 'JX-360731-0007', lat: 31.5 }]), ctx());
    const bad = plan.rows.find((r) => r.row === 7);
    expect(bad?.action).toBe('reject');
    expect(bad?.errors.map((e) => issueText(7, e))).toEqual(['第 7 行 纬度：不在江西省范围内']);
    expect(plan.changes.map((s) => s.code)).toEqual(['JX-360731-0001']);
  });

  it.each<[string, Partial<Record<ColumnKey, SheetCell>>, string, string]>([
    ['swapped coordinates', { lat: 115.41, lng: 25.95 }, '纬度', '纬度和经度好像填反了'],
    ['an unknown region', { regionCode: '360731999' }, '行政区划代码', '没有这个区划代码：360731999'],
    ['a region too coarse for the level', { level: '村级服务点', regionCode: '360731100' }, '行政区划代码', '村级服务点的区划代码应到村（12位）'],
    ['a formula', { areaSqm: { formula: 'A1*2' } }, '使用面积（㎡）', '不能使用公式，请复制后“选择性粘贴为数值”再导入'],
    ['an error value', { servicePopulation: { error: '#REF!' } }, '服务人口', '单元格里是错误值，请改正'],
    ['a date typed wrong', { certifiedOn: '去年三月' }, '认定日期', '“去年三月”不是日期，应写成 2025-03-01'],
    ['a future certificate', { certifiedOn: '2027-01-01' }, '认定日期', '认定日期不能晚于今天'],
    ['a certified station without a certificate', { certificateNo: '' }, '证书编号', '状态为“运营中”时必填'],
    ['an unknown status', { status: '营业' }, '状态', '应为 规划中 / 运营单位初审中 / 县级审核中 / 认定公示中 / 已认定 / 运营中 / 整改中 / 已关停'],
    ['an unknown service', { services: '快递收发、卖保险' }, '服务项目', '“卖保险”不是规定的服务项目'],
    ['a missing name', { name: '' }, '站点名称', '必填'],
    ['a bad phone', { contactPhone: '12' }, '联系电话', '电话号码格式不对'],
    ['a lower-case code with spaces', { code: 'jx 01' }, '站点编码', '只能用字母、数字和“-”，4 到 30 位'],
  ])('refuses %s', (_label, row, column, message) => {
    const plan = importOne(row);
    expect(plan.rows[0].action).toBe('reject');
    const issue = plan.rows[0].errors.find((e) => e.column === column);
    expect(issue?.message).toContain(message);
    expect(plan.changes).toEqual([]);
  });

  it('accepts dates as Date cells, Excel serial numbers and text', () => {
    for (const certifiedOn of [new Date(Date.UTC(2024, 2, 1)), 45352, '2024/3/1', '2024年3月1日']) {
      const plan = importOne({ certifiedOn });
      expect(plan.changes[0]?.certification?.certifiedOn).toBe('2024-03-01');
    }
  });

  it('keeps rule warnings apart from errors: the row is imported and the warning recorded with the reason', () => {
    const plan = importOne({ name: '贡江服务站', areaSqm: 12, servicePopulation: 200, relaxationReason: '山区乡镇，经县政府同意放宽' });
    expect(plan.rows[0].action).toBe('import');
    expect(plan.rows[0].warnings.map((w) => w.column)).toEqual(['站点名称', '使用面积（㎡）', '服务人口']);
    expect(plan.changes[0].register).toEqual({
      warnings: [expect.objectContaining({ code: 'NAME_FORMAT' }), expect.objectContaining({ code: 'AREA_BELOW_MINIMUM' }), expect.objectContaining({ code: 'POPULATION_BELOW_NORM' })],
      relaxationReason: '山区乡镇，经县政府同意放宽',
    });
    expect(plan.summary.warned).toBe(1);
  });

  it('warns when a township gets a second station (第五条3), counting the register, not only the file', () => {
    const first = importOne({}).changes[0];
    const plan = importOne({ code: 'JX-360731-0002' }, [first]);
    expect(plan.rows[0].action).toBe('import');
    expect(plan.rows[0].warnings).toEqual([{ column: '行政区划代码', message: '贡江镇已有另一个服务站（第五条3：每个乡镇一个）：JX-360731-0001' }]);
    // A closed station does not count.
    expect(importOne({ code: 'JX-360731-0002' }, [{ ...first, status: 'closed' }]).rows[0].warnings).toEqual([]);
    // Two village points in one village, both from the file.
    const two = planImport(
      sheet([
        { code: 'JX-V-1', level: '村级服务点', regionCode: '360731100201', name: '江西电商扶贫工程水头村服务点', areaSqm: 15 },
        { code: 'JX-V-2', level: '村级服务点', regionCode: '360731100201', name: '江西电商扶贫工程水头村服务点', areaSqm: 15 },
      ]),
      ctx(),
    );
    expect(two.rows.map((r) => r.warnings.map((w) => w.message))).toEqual([
      ['水头村委会已有另一个服务点（第五条3：每村最多一个）：JX-V-2'],
      ['水头村委会已有另一个服务点（第五条3：每村最多一个）：JX-V-1'],
    ]);
  });

  it('matches rows by code: the same row again changes nothing; a changed row updates and keeps id and photos', () => {
    const first = { ...importOne({}).changes[0], photos: ['cloud://photo-1'] };
    const again = importOne({}, [first]);
    expect(again.rows[0].action).toBe('unchanged');
    expect(again.changes).toEqual([]);
    const changed = importOne({ address: '于都县贡江镇长征大道2号' }, [first]);
    expect(changed.rows[0].action).toBe('update');
    expect(changed.changes[0]).toMatchObject({ id: first.id, photos: ['cloud://photo-1'], address: '于都县贡江镇长征大道2号' });
  });

  it('an exported row re-imports unchanged', () => {
    const station = importOne({}).changes[0];
    const row = stationToRow(station);
    const plan = planImport(sheet([row]), ctx([station]));
    expect(plan.rows[0].action).toBe('unchanged');
  });

  it('refuses a duplicate code within the file and an id that belongs to another station', () => {
    const plan = planImport(sheet([{}, {}]), ctx());
    expect(plan.rows[1].errors).toEqual([{ column: '站点编码', message: '与第 2 行的站点编码重复' }]);
    const other = importOne({}).changes[0];
    const stolen = importOne({ code: 'JX-360731-0009', id: other.id }, [other]);
    expect(stolen.rows[0].errors).toEqual([{ column: '系统编号', message: '已被站点 JX-360731-0001 使用' }]);
  });

  it('refuses rows outside an official’s area', () => {
    const plan = planImport(sheet([{}, { code: 'JX-360881-0001', regionCode: '360881', level: '县级运营中心', name: '井冈山市电商扶贫服务运营中心', areaSqm: 300 }]), ctx([], { scopeCodes: ['360731'] }));
    expect(plan.rows.map((r) => r.action)).toEqual(['import', 'reject']);
    expect(plan.rows[1].errors).toEqual([{ column: '行政区划代码', message: '不在您管辖的地区内' }]);
  });

  it('refuses a file with missing columns, or too many rows, as a whole', () => {
    const missing = planImport(sheet([{}], ['站点编码', '站点名称']), ctx());
    expect(missing.fileErrors[0]).toContain('缺少这些列：站点级别、行政区划代码、详细地址、纬度、经度');
    expect(missing.rows).toEqual([]);
    expect(missing.changes).toEqual([]);
    const many: SheetData = { headers: COLUMNS.map((c) => c.title), rows: Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ({ row: i + 2, cells: [] })) };
    expect(planImport(many, ctx()).fileErrors[0]).toContain(`一次最多导入 ${MAX_IMPORT_ROWS} 行`);
    expect(planImport({ headers: COLUMNS.map((c) => c.title), rows: [] }, ctx()).fileErrors).toEqual(['表格里没有站点数据']);
  });

  it('matches headers with spacing, a BOM and half-width brackets; ignores unknown columns', () => {
    const headers = COLUMNS.map((c) => (c.key === 'code' ? '\uFEFF站点编码 ' : c.key === 'areaSqm' ? '使用面积(平方米)' : c.title));
    const plan = planImport(sheet([{}], [...headers, '备注']), ctx());
    expect(plan.fileErrors).toEqual([]);
    expect(plan.ignoredColumns).toEqual(['备注']);
    expect(plan.rows[0].action).toBe('import');
  });

  it('names its columns once: the template titles the issue asks for are present', () => {
    for (const title of ['站点编码', '站点名称', '站点级别', '行政区划代码', '详细地址', '纬度', '经度']) {
      expect(Object.values(COLUMN_TITLES)).toContain(title);
    }
  });
});
