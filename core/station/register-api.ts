/**
 * The `register` function's contract (officials' station register): input schemas and answers.
 * Imported by the handler and, as types only, by the app's data client.
 */
import { regionCode, z } from '../shared/zod';
import type { ImportSummary, RowOutcome } from './register-sheet';
import { STATION_LEVELS, STATION_STATUSES } from './vocabulary';

/** Rows listed in a report: the ones an official must look at (errors, warnings), at most this many. */
export const MAX_REPORTED_ROWS = 500;

const fileId = z.string().check(z.minLength(4, '请先选择文件'), z.maxLength(300, '文件编号不对'));

export const templateInput = z.strictObject({});
export const previewInput = z.strictObject({ fileId });
export const importInput = z.strictObject({ fileId });
export const exportInput = z.strictObject({
  regionCode: z.optional(regionCode),
  level: z.optional(z.enum(STATION_LEVELS, '站点级别不对')),
  status: z.optional(z.enum(STATION_STATUSES, '状态不对')),
  format: z.enum(['xlsx', 'csv'], '格式应为 xlsx 或 csv'),
});
export type ExportInput = z.infer<typeof exportInput>;

export interface DownloadAnswer {
  url: string;
  /** File name to save as, e.g. 站点登记表-于都县-20261204.xlsx */
  name: string;
  count?: number;
}

export interface ImportReport {
  fileErrors: string[];
  ignoredColumns: string[];
  summary: ImportSummary;
  /** Rows with errors or warnings, in file order (at most MAX_REPORTED_ROWS). */
  rows: RowOutcome[];
  /** Rows with errors or warnings beyond those listed. */
  moreRows: number;
  /** True when the stations were written (import), false for a preview. */
  written: boolean;
}
