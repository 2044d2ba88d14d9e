/**
 * The coverage map on the PC (H5 only; the weapp shows the lists): every station of the county
 * at its position, by level, with planned ones hollow. ECharts draws it on plain axes of longitude
 * and latitude — no online map, no key. Only the parts used are loaded (core, scatter, SVG).
 */
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { CoverageReport } from '../../../services/coverage';

echarts.use([ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const SERIES = [
  { key: 'county', name: '运营中心', color: '#0b6e3b', size: 18 },
  { key: 'township', name: '乡镇服务站', color: '#1565c0', size: 12 },
  { key: 'village', name: '村级服务点', color: '#6d4c41', size: 8 },
] as const;

/** Draw into `el`; returns a function that disposes of the chart. */
export function drawCoverage(el: HTMLElement, r: CoverageReport): () => void {
  const chart = echarts.init(el, undefined, { renderer: 'svg' });
  const planned = new Set(['planned', 'operator_review', 'county_review']);
  const series = [
    ...SERIES.map((s) => ({
      name: s.name,
      type: 'scatter' as const,
      symbolSize: s.size,
      itemStyle: { color: s.color },
      data: r.points.filter((p) => p.level === s.key && !planned.has(p.status)).map((p) => ({ value: [p.lng, p.lat], name: p.name, place: p.place, status: p.statusLabel })),
    })),
    {
      name: '规划中',
      type: 'scatter' as const,
      symbolSize: 12,
      itemStyle: { color: 'transparent', borderColor: '#b71c1c', borderWidth: 2 },
      data: r.points.filter((p) => planned.has(p.status)).map((p) => ({ value: [p.lng, p.lat], name: p.name, place: p.place, status: p.statusLabel })),
    },
  ];
  chart.setOption({
    animation: false,
    grid: { left: 56, right: 24, top: 48, bottom: 40 },
    legend: { top: 8 },
    tooltip: { formatter: (p: { data: { name: string; place: string; status: string } }) => `${p.data.name}<br/>${p.data.place} · ${p.data.status}` },
    xAxis: { type: 'value', scale: true, name: '经度', axisLabel: { formatter: (v: number) => v.toFixed(2) } },
    yAxis: { type: 'value', scale: true, name: '纬度', axisLabel: { formatter: (v: number) => v.toFixed(2) } },
    series,
  });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}
