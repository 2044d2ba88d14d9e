/** 报表与报送 client (the `reports` function, issue 12 §5). Typed by `ReportsApi`. */
import type { ReportsApi } from '../../cloudfunctions/reports/handler';
import { client, type Input, type Output } from './transport';

const call = client<ReportsApi>('reports');

export type ReportOptions = Output<ReportsApi, 'options'>;
export type ReportFiguresAnswer = Output<ReportsApi, 'figures'>;
export type ReportStatus = Output<ReportsApi, 'status'>;

export const reports = {
  options: () => call('options', {}),
  figures: (input: Input<ReportsApi, 'figures'>) => call('figures', input),
  export: (input: Input<ReportsApi, 'export'>) => call('export', input),
  status: (input: Input<ReportsApi, 'status'>) => call('status', input),
  submit: (input: Input<ReportsApi, 'submit'>) => call('submit', input),
  returnReport: (input: Input<ReportsApi, 'return'>) => call('return', input),
  forward: (input: Input<ReportsApi, 'forward'>) => call('forward', input),
};
