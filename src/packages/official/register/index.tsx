/**
 * 站点登记 (officials): bring a county's spreadsheet in — template, choose a file, a per-row preview
 * (errors not imported, rule warnings imported with the warning recorded), confirm — and export the
 * register within the official's area. Thin: the register function decides everything.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import { LEVEL_LABELS, STATION_LEVELS, STATION_STATUSES, type StationLevel, type StationStatus } from '@core/station/vocabulary';
import { SHEET_STATUS_LABELS } from '@core/station/sheet-labels';
import { register, openDownload, pickSheet, uploadSheet, type ImportReport, type PickedSheet } from '../../../services/register';
import { toApiError, type ApiError } from '../../../services/transport';
import Notice from '../../../ui/Notice';
import { Choices, SubmitButton, useScrollToFirstError } from '../../../ui/form';
import { confirm, toast } from '../../../ui/dialogs';
import '../../shared/sub.css';

type Step = 'idle' | 'uploading' | 'checking' | 'preview' | 'importing' | 'done';
type Any = 'all';

const LEVEL_OPTIONS: readonly (readonly [StationLevel | Any, string])[] = [['all', '全部级别'], ...STATION_LEVELS.map((l) => [l, LEVEL_LABELS[l]] as const)];
const STATUS_OPTIONS: readonly (readonly [StationStatus | Any, string])[] = [['all', '全部状态'], ...STATION_STATUSES.map((s) => [s, SHEET_STATUS_LABELS[s]] as const)];
const FORMAT_OPTIONS: readonly (readonly ['xlsx' | 'csv', string])[] =
  process.env.TARO_ENV === 'weapp' ? [['xlsx', 'Excel（.xlsx）']] : [['xlsx', 'Excel（.xlsx）'], ['csv', 'CSV（UTF-8）']];

function SummaryLine({ report }: { report: ImportReport }) {
  const s = report.summary;
  const parts = [
    `${report.written ? '已新增' : '可新增'} ${s.imported}`,
    `${report.written ? '已更新' : '将更新'} ${s.updated}`,
    `无变化 ${s.unchanged}`,
    `有错误不导入 ${s.rejected}`,
  ];
  if (s.warned) parts.push(`带提示 ${s.warned}`);
  return (
    <Text id='register-summary' className='sp-item__line'>
      {parts.join(' · ')}
    </Text>
  );
}

function RowReport({ report }: { report: ImportReport }) {
  if (!report.rows.length) return null;
  return (
    <View id='register-rows'>
      {report.rows.map((r) => (
        <View key={r.row} id={`register-row-${r.row}`} className={`sp-item${r.errors.length ? ' sp-item--alert' : ''}`}>
          <View className='sp-item__top'>
            <Text className='sp-item__title'>
              第 {r.row} 行 {r.name || r.code || ''}
            </Text>
            <Text className={`sp-status sp-status--${r.errors.length ? 'danger' : 'warn'}`}>{r.errors.length ? '不导入' : '带提示导入'}</Text>
          </View>
          {r.errors.map((e, i) => (
            <Text key={`e${i}`} className='sp-field__error'>
              {e.column}：{e.message}
            </Text>
          ))}
          {r.warnings.map((w, i) => (
            <Text key={`w${i}`} className='sp-item__meta'>
              提示 · {w.column}：{w.message}
            </Text>
          ))}
        </View>
      ))}
      {report.moreRows > 0 ? <Text className='sp-item__meta'>还有 {report.moreRows} 行有问题，改正上面的再导入一次即可看到</Text> : null}
    </View>
  );
}

export default function RegisterPage() {
  const [step, setStep] = useState<Step>('idle');
  const [picked, setPicked] = useState<PickedSheet | null>(null);
  const [fileId, setFileId] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useScrollToFirstError(error);
  const [level, setLevel] = useState<StationLevel | Any>('all');
  const [status, setStatus] = useState<StationStatus | Any>('all');
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [exporting, setExporting] = useState(false);

  /** Shows `step` while `work` runs; a failure shows its error and goes back to `back` (the answer is then undefined). */
  const during = async <T,>(step: Step, back: Step, work: () => Promise<T>): Promise<T | undefined> => {
    setStep(step);
    try {
      return await work();
    } catch (e) {
      setError(toApiError(e));
      setStep(back);
      return undefined;
    }
  };
  /** The report `work` answers, shown at step `next`. */
  const showReport = (r: ImportReport | undefined, next: Step) => {
    if (!r) return;
    setReport(r);
    setStep(next);
  };

  const downloadTemplate = async () => {
    try {
      await openDownload(await register.template());
    } catch (e) {
      toast(toApiError(e).message);
    }
  };

  const choose = async () => {
    const sheet = await pickSheet();
    if (!sheet) return;
    setPicked(sheet);
    setReport(null);
    setError(null);
    const id = await during('uploading', 'idle', () => uploadSheet(sheet));
    if (id === undefined) return;
    setFileId(id);
    showReport(await during('checking', 'idle', () => register.preview(id)), 'preview');
  };

  const confirmImport = async () => {
    if (!fileId || !report) return;
    const s = report.summary;
    const ok = await confirm({ title: '确认导入', content: `将新增 ${s.imported} 个、更新 ${s.updated} 个站点${s.rejected ? `；有错误的 ${s.rejected} 行不导入` : ''}。导入后站点信息会公开显示。`, confirmText: '确认导入' });
    if (ok) showReport(await during('importing', 'preview', () => register.import(fileId)), 'done');
  };

  const doExport = async () => {
    setExporting(true);
    try {
      const answer = await register.export({ format, ...(level !== 'all' ? { level } : {}), ...(status !== 'all' ? { status } : {}) });
      if (answer.count === 0) toast('没有符合条件的站点');
      else await openDownload(answer);
    } catch (e) {
      toast(toApiError(e).message);
    } finally {
      setExporting(false);
    }
  };

  const busy = step === 'uploading' || step === 'checking' || step === 'importing';
  const importable = report && !report.fileErrors.length && report.summary.imported + report.summary.updated > 0;

  return (
    <PageShell id='page-register' heading='站点登记'>
      <View className='sp-form'>
        <Text className='sp-form__title'>导入站点表格</Text>
        <Text className='sp-field__hint'>每行一个站点，按“站点编码”匹配：新编码新增，已有编码更新，没变的不动。先预览，确认后才写入。</Text>
        <View className='sp-row'>
          <SubmitButton id='btn-register-template' text='下载模板' tone='secondary' onClick={downloadTemplate} />
          <SubmitButton id='btn-register-choose' text={picked ? '重新选择文件' : '选择表格文件'} busy={busy} busyText={step === 'importing' ? '正在导入…' : step === 'checking' ? '正在检查…' : '正在上传…'} onClick={choose} />
        </View>
        {picked ? (
          <Text id='register-file' className='sp-item__meta'>
            文件：{picked.name}
          </Text>
        ) : null}
        {error ? <Notice id='register-error' tone='danger' title='没有完成' text={error.message} /> : null}
        {report && report.fileErrors.length ? (
          <Notice id='register-file-errors' tone='danger' title='这个文件不能导入'>
            {report.fileErrors.map((e) => (
              <Text key={e} className='sp-field__error'>
                {e}
              </Text>
            ))}
          </Notice>
        ) : null}
        {report && !report.fileErrors.length ? (
          <View id='register-report'>
            {step === 'done' ? <Notice id='register-done' tone='ok' title='导入完成' text={`新增 ${report.summary.imported} 个，更新 ${report.summary.updated} 个站点。`} /> : null}
            <SummaryLine report={report} />
            {report.ignoredColumns.length ? <Text className='sp-item__meta'>忽略了这些列：{report.ignoredColumns.join('、')}</Text> : null}
            <RowReport report={report} />
            {step === 'preview' ? (
              <SubmitButton id='btn-register-import' text={importable ? '确认导入' : '没有可导入的站点'} disabled={!importable} onClick={confirmImport} />
            ) : null}
          </View>
        ) : null}
      </View>

      <View className='sp-form'>
        <Text className='sp-form__title'>导出登记表</Text>
        <Text className='sp-field__hint'>导出您管辖地区的站点，改好后可以原样再导入。</Text>
        <Choices idPrefix='export-level' options={LEVEL_OPTIONS} value={level} onChange={setLevel} />
        <Choices idPrefix='export-status' options={STATUS_OPTIONS} value={status} onChange={setStatus} />
        <Choices idPrefix='export-format' options={FORMAT_OPTIONS} value={format} onChange={setFormat} />
        <SubmitButton id='btn-register-export' text='导出' busy={exporting} busyText='正在导出…' onClick={doExport} />
      </View>
    </PageShell>
  );
}
