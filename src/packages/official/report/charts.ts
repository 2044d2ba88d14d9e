/**
 * The dashboard's charts on the PC (H5 only; the phone shows compact figures): stations by level
 * per region, coverage rates, complaints and their handling, training. Loaded with import() from the
 * page like the coverage map, so ECharts stays out of the weapp and out of the page's first load.
 * Only the parts used are registered (bar, SVG).
 */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportFiguresAnswer } from '../../../services/reports';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

type Figures = ReportFiguresAnswer['figures'];
type Counts = Figures['total'];

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);

interface ChartSpec {
  id: string;
  title: string;
  series: { name: string; color: string; value: (c: Counts) => number; stack?: string }[];
  unit?: string;
}

export const CHARTS: ChartSpec[] = [
  {
    id: 'stations',
    title: '站点（个）',
    series: [
      { name: '运营中心', color: '#0b6e3b', value: (c) => c.centres, stack: 's' },
      { name: '服务站', color: '#1565c0', value: (c) => c.townshipStations, stack: 's' },
      { name: '服务点', color: '#6d4c41', value: (c) => c.villagePoints, stack: 's' },
      { name: '规划中', color: '#9e9e9e', value: (c) => c.planned },
      { name: '整改中', color: '#c62828', value: (c) => c.rectifying },
    ],
  },
  {
    id: 'coverage',
    title: '覆盖率（%）',
    unit: '%',
    series: [
      { name: '乡镇覆盖率', color: '#1565c0', value: (c) => pct(c.townshipsCovered, c.townships) },
      { name: '村覆盖率', color: '#6d4c41', value: (c) => pct(c.villagesCovered, c.villages) },
    ],
  },
  {
    id: 'complaints',
    title: '投诉（件）',
    series: [
      { name: '投诉件数', color: '#ef6c00', value: (c) => c.complaints },
      { name: '按期答复', color: '#2e7d32', value: (c) => c.repliedOnTime },
      { name: '满意', color: '#1565c0', value: (c) => c.satisfied },
    ],
  },
  {
    id: 'training',
    title: '培训与整改（个）',
    series: [
      { name: '在册站点', color: '#9e9e9e', value: (c) => c.networkStations },
      { name: '培训达标', color: '#2e7d32', value: (c) => c.compliantStations },
      { name: '疑似闲置', color: '#ef6c00', value: (c) => c.idle },
      { name: '整改未完成', color: '#c62828', value: (c) => c.rectOpen },
    ],
  },
];

/** Draw every chart into the element with its id; returns a function that disposes of them. */
export function drawReport(f: Figures): () => void {
  const charts: echarts.ECharts[] = [];
  const names = f.rows.map((r) => r.name);
  for (const spec of CHARTS) {
    const el = document.getElementById(`report-chart-${spec.id}`);
    if (!el) continue;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      title: { text: spec.title, left: 0, textStyle: { fontSize: 14 } },
      legend: { top: 22, right: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } },
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 12, top: 48, bottom: names.length > 8 ? 72 : 32 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 55 : 0, fontSize: names.length > 8 ? 10 : 12 } },
      yAxis: { type: 'value', max: spec.unit === '%' ? 100 : undefined },
      series: spec.series.map((s) => ({ name: s.name, type: 'bar', stack: s.stack, itemStyle: { color: s.color }, data: f.rows.map((r) => s.value(r.counts)) })),
    });
    charts.push(chart);
  }
  const resize = () => charts.forEach((c) => c.resize());
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    charts.forEach((c) => c.dispose());
  };
}
