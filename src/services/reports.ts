/** 报表与报送 client (the `register` function's report actions, issue 12 §5). Typed by `RegisterApi`. */
import type { RegisterApi } from '../../cloudfunctions/register/handler';
import { client, type Input, type Output } from './transport';

const call = client<RegisterApi>('register');

export type ReportOptions = Output<RegisterApi, 'reportOptions'>;
export type ReportFiguresAnswer = Output<RegisterApi, 'reportFigures'>;
export type ReportStatus = Output<RegisterApi, 'reportStatus'>;

export const reports = {
  options: () => call('reportOptions', {}),
  figures: (input: Input<RegisterApi, 'reportFigures'>) => call('reportFigures', input),
  export: (input: Input<RegisterApi, 'reportExport'>) => call('reportExport', input),
  status: (input: Input<RegisterApi, 'reportStatus'>) => call('reportStatus', input),
  submit: (input: Input<RegisterApi, 'submitReport'>) => call('submitReport', input),
  returnReport: (input: Input<RegisterApi, 'returnReport'>) => call('returnReport', input),
  forward: (input: Input<RegisterApi, 'forwardReport'>) => call('forwardReport', input),
};
