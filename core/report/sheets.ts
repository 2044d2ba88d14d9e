/**
 * The report's fixed layout (issue 12 §5): one sheet per topic with a row per region and a 合计
 * row, the handling units, the idle candidates, and the definitions on 指标说明. The dashboard
 * shows the same topics and columns, so both read the numbers from one place.
 */
import { FIGURE_COLUMNS, FIGURE_LABELS, figureCell } from '../complaint/figures';
import type { Counts, CountKey, ReportFigures } from './figures';

export interface Column {
  key: string;
  label: string;
  definition: string;
  /** The cell from a row's counts: a number, or text for a rate (不计算 when nothing to divide by). */
  value: (c: Counts) => number | string;
}

const count = (key: CountKey, label: string, definition: string): Column => ({ key, label, definition, value: (c) => c[key] });
const pct = (n: number, d: number) => (d ? `${(Math.round((n / d) * 1000) / 10).toFixed(1)}%` : '不计算');
const yuan = (fen: number) => Math.round(fen) / 100;
/** A rate column: one count ÷ another, as a percentage. */
const rate = (key: string, label: string, definition: string, part: CountKey, whole: CountKey): Column => ({ key, label, definition, value: (c) => pct(c[part], c[whole]) });
/** An amount column: a sum in fen shown in yuan. */
const money = (key: string, label: string, definition: string, fen: CountKey): Column => ({ key, label, definition, value: (c) => yuan(c[fen]) });

export interface Topic {
  sheet: string;
  title: string;
  columns: Column[];
}

const topic = (sheet: string, title: string, columns: Column[]): Topic => ({ sheet, title, columns });

export const TOPICS: readonly Topic[] = [
  topic('站点', '站点（按级别和状态）', [
    count('centres', '运营中心', '已公示、已认定或整改中的县级运营中心个数（期末状态）。'),
    count('townshipStations', '服务站', '已公示、已认定或整改中的乡镇服务站个数。'),
    count('villagePoints', '服务点', '已公示、已认定或整改中的村级服务点个数。'),
    count('planned', '规划中', '规划中、运营单位初审中、县级审核中的站点个数。'),
    count('rectifying', '整改中', '状态为整改中的站点个数。'),
    count('closed', '已关停', '状态为已关停的站点个数。'),
  ]),
  topic('覆盖', '覆盖情况', [
    count('townships', '乡镇数', '地区内的乡镇（街道）个数。'),
    count('townshipsCovered', '有服务站的乡镇', '有已公示、已认定或整改中服务站的乡镇个数（第五条3）。'),
    rate('townshipRate', '乡镇覆盖率', '有服务站的乡镇 ÷ 乡镇数。', 'townshipsCovered', 'townships'),
    count('villages', '村数', '地区内的村（社区）个数。'),
    count('villagesCovered', '有服务点的村', '有已公示、已认定或整改中服务点的村个数。'),
    rate('villageRate', '村覆盖率', '有服务点的村 ÷ 村数。', 'villagesCovered', 'villages'),
  ]),
  topic('台账', '台账合计', [
    count('ledgerEntries', '台账条数', '期内各月已提交或已核实的台账条数（退回待改的不算）。'),
    money('ledgerAmount', '金额（元）', '这些台账的金额合计，单位元。', 'ledgerAmountFen'),
    money('povertySales', '扶贫产品销售额（元）', '其中扶贫产品销售的金额合计。', 'povertySalesFen'),
    count('households', '带动农户（户次）', '台账登记的带动农户数合计（按条累加，同一户可能计多次）。'),
  ]),
  topic('投诉', '投诉办理', [
    count('complaints', '投诉件数', '期内提交的投诉件数（按提交日期，北京时间）。'),
    count('replied', '已答复', '其中已答复的件数。'),
    rate('replyRate', '按期答复率', '按期答复 ÷ 已答复。', 'repliedOnTime', 'replied'),
    count('evaluated', '已评价', '已办结且投诉人作了评价的件数。'),
    rate('satisfaction', '满意率', '满意和基本满意 ÷ 已评价。', 'satisfied', 'evaluated'),
  ]),
  topic('评价', '群众评价', [
    count('ratedStations', '有评价的站点', '有公开或审核中评价的站点个数（截至导出时）。'),
    count('ratings', '评价数', '这些站点的评价条数（同一人重评只算一次）。'),
    { key: 'ratingMean', label: '平均分', definition: '每条评价四项得分的平均，再按条平均（满分 5 分）。', value: (c) => (c.ratings ? Math.round(c.ratingPointsX100 / c.ratings) / 100 : '不计算') },
  ]),
  topic('培训', '负责人培训', [
    count('networkStations', '在册站点', '已公示、已认定或整改中的站点个数。'),
    count('trainedStations', '本年已培训', '负责人本年（到期末）至少参加 1 次培训的站点个数。'),
    count('compliantStations', '培训达标', '负责人本年（到期末）参加培训达到 2 次的站点个数（第九条3）。'),
    rate('trainingRate', '达标率', '培训达标 ÷ 在册站点。', 'compliantStations', 'networkStations'),
  ]),
  topic('闲置与整改', '闲置与整改', [
    count('idle', '疑似闲置', '按闲置规则列出的疑似闲置站点个数（提示核查，不是处罚；培育期站点不列）。'),
    count('rectIssued', '期内下达整改', '期内下达的整改通知件数。'),
    count('rectOpen', '整改未完成', '整改中或待核查的整改通知件数（截至计算时）。'),
    count('rectOverdue', '整改逾期', '整改中且已过期限的件数（截至计算时）。'),
  ]),
];

export const REGION_HEAD = '地区';
export const TOTAL_LABEL = '合计';
export const DEFINITIONS_SHEET = '指标说明';

/** The whole workbook: topic sheets, 承办单位, 疑似闲置, 指标说明 — in this order, always. */
export function reportSheets(f: ReportFigures): { name: string; rows: (string | number)[][] }[] {
  const topicSheets = TOPICS.map((t) => ({
    name: t.sheet,
    rows: [[REGION_HEAD, ...t.columns.map((c) => c.label)], ...f.rows.map((r) => [r.name, ...t.columns.map((c) => c.value(r.counts))]), [TOTAL_LABEL, ...t.columns.map((c) => c.value(f.total))]],
  }));
  return [
    ...topicSheets,
    { name: '承办单位', rows: [['单位类型', '承办单位', ...FIGURE_COLUMNS.map((k) => FIGURE_LABELS[k])], ...f.units.map((u) => [u.kindLabel, u.name, ...FIGURE_COLUMNS.map((k) => figureCell(u, k))])] },
    { name: '疑似闲置', rows: [['站点', '原因'], ...f.idle.map((c) => [c.stationName, c.reasons.map((r) => r.text).join('；')])] },
    {
      name: DEFINITIONS_SHEET,
      rows: [
        ['指标', '含义'],
        ['地区', `${f.region.name}（${f.region.code}）的下一级地区，每行一个；直属站点是直接设在本级的站点（如县运营中心）。`],
        ['时间段', `${f.period.label}：${f.period.from} 至 ${f.period.to}（北京时间）。`],
        ...TOPICS.flatMap((t) => t.columns.map((c) => [`${t.sheet} · ${c.label}`, c.definition])),
        ['承办单位', '期内投诉按承办单位的办理情况，口径同“承办单位考核”。'],
      ],
    },
  ];
}
