/**
 * 报表与报送 (issue 12 §5; 第十一条1/3/5): a region's figures for a quarter or a year — stations,
 * coverage, ledgers, complaints, ratings, training, idle stations and rectifications — as charts and
 * tables on the PC desk and compact figures on the phone; the .xlsx export; and the 报送 chain: the
 * county submits, the city returns or forwards, the province sees who submitted and who is late.
 * The tables are the export's sheets, so the page and the workbook show the same numbers.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import PageShell from '../../../components/PageShell';
import { ErrorState, Skeleton } from '../../../components/StateViews';
import { useAction } from '../../../hooks/useAction';
import { useDesktop } from '../../../hooks/useDesktop';
import { useLoad } from '../../../hooks/useLoad';
import { openDownload } from '../../../services/register';
import { reports, type ReportFiguresAnswer, type ReportStatus } from '../../../services/reports';
import { toast } from '../../../ui/dialogs';
import { Choices, Field, SubmitButton, TextArea, fieldError } from '../../../ui/form';
import { formatDateTime } from '../../../ui/format';
import Notice from '../../../ui/Notice';
import '../../shared/sub.css';
import './report.css';

// Desk sizes for a PC window (H5 only; the mini-program keeps the phone layout).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional import of a stylesheet
if (process.env.TARO_ENV === 'h5') require('../desk/desk-page.css');

type Table = ReportFiguresAnswer['tables'][number];
type Counts = ReportFiguresAnswer['figures']['total'];

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
const rate = (n: number, d: number) => (d ? `${Math.round((n / d) * 1000) / 10}%` : '—');

/** The phone's compact figures: the totals that matter most, one tile each. */
function tiles(t: Counts): [string, string, string][] {
  return [
    ['stations', `${t.networkStations}`, '在册站点'],
    ['coverage', `${t.townshipsCovered}/${t.townships}`, '乡镇有服务站'],
    ['villages', rate(t.villagesCovered, t.villages), '村覆盖率'],
    ['ledger', yuan(t.ledgerAmountFen), '台账金额（元）'],
    ['complaints', `${t.complaints}`, '投诉件数'],
    ['satisfaction', rate(t.satisfied, t.evaluated), '投诉满意率'],
    ['ratings', t.ratings ? (t.ratingPointsX100 / t.ratings / 100).toFixed(2) : '—', '评价平均分'],
    ['training', rate(t.compliantStations, t.networkStations), '培训达标率'],
    ['idle', `${t.idle}`, '疑似闲置'],
    ['rect', `${t.rectOpen}`, '整改未完成'],
  ];
}

/** The chart cards on the PC: drawn by ./charts.ts, loaded only here and only in H5. */
function Charts({ figures }: { figures: ReportFiguresAnswer['figures'] }) {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    let dispose: (() => void) | undefined;
    let gone = false;
    void import('./charts').then(({ drawReport }) => {
      if (!gone) dispose = drawReport(figures);
    });
    return () => {
      gone = true;
      dispose?.();
    };
  }, [figures]);
  if (process.env.TARO_ENV !== 'h5') return null;
  const ids = [
    ['stations', '站点按级别和状态'],
    ['coverage', '覆盖率'],
    ['complaints', '投诉办理'],
    ['training', '培训、闲置与整改'],
  ] as const;
  return (
    <View id='report-charts' className='sp-report-charts'>
      {ids.map(([id, label]) => (
        <View key={id} id={`report-chart-${id}`} className='sp-report-chart' role='img' aria-label={`${figures.region.name}${label}图`} />
      ))}
    </View>
  );
}

function DeskTable({ t }: { t: Table }) {
  const [head, ...rows] = t.rows;
  return (
    <View id={`report-table-${t.name}`} className='section'>
      <Text className='section__title'>{t.name}</Text>
      <View className='sp-report-table' {...{ role: 'table', 'aria-label': t.name, tabIndex: 0 }}>
        {[head!, ...rows].map((r, i) => (
          <View key={i} className={`sp-report-table__row${i === 0 ? ' sp-report-table__head' : i === rows.length ? ' sp-report-table__total' : ''}`} {...{ role: 'row' }}>
            {r.map((c, j) => (
              <Text key={j} className='sp-report-table__cell' {...{ role: i === 0 ? 'columnheader' : 'cell' }}>
                {String(c)}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

/** On the phone: each topic's 合计 as label and value lines. */
function PhoneTopic({ t }: { t: Table }) {
  const head = t.rows[0]!;
  const total = t.rows[t.rows.length - 1]!;
  return (
    <View id={`report-topic-${t.name}`} className='sp-form'>
      <Text className='sp-form__title'>{t.name}</Text>
      {head.slice(1).map((label, i) => (
        <View key={i} className='sp-report-line'>
          <Text className='sp-report-line__label'>{String(label)}</Text>
          <Text className='sp-report-line__value'>{String(total[i + 1])}</Text>
        </View>
      ))}
    </View>
  );
}

/** Counties not yet submitted, one line per city (a province has 100 counties). */
function byCity(list: ReportStatus['counties']): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const c of list) out.set(c.city, [...(out.get(c.city) ?? []), c.name]);
  return [...out];
}

function Chain({ period, status, canSubmit, canReview, reload }: { period: string; status: ReportStatus; canSubmit: boolean; canReview: boolean; reload: () => void }) {
  const [returning, setReturning] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const submit = useAction(() => reports.submit({ period }), {
    confirm: { title: '报送本期报告', content: '报送后数字就固定下来，市级退回后才能重新报送。确定报送吗？', confirmText: '报送' },
    onDone: () => {
      toast('已报送', 'success');
      reload();
    },
  });
  const back = useAction((countyCode: string, version: number) => reports.returnReport({ period, countyCode, version, reason }), {
    onDone: () => {
      setReturning(null);
      setReason('');
      toast('已退回', 'success');
      reload();
    },
  });
  const forward = useAction(() => reports.forward({ period }), {
    confirm: { title: '汇总报省', content: '把已报送的县级报告汇总成市级报告报省，报省后不能撤回。确定吗？', confirmText: '报省' },
    onDone: () => {
      toast('已报省', 'success');
      reload();
    },
  });
  const mine = canSubmit && status.counties.length === 1 ? status.counties[0]! : null;
  const missing = status.counties.filter((c) => !c.state);
  const submitted = status.counties.filter((c) => c.state === 'submitted').length;
  const cityDone = status.cities.length > 0;
  const err = submit.error ?? forward.error;

  return (
    <View id='report-chain' className='sp-form'>
      <Text className='sp-form__title'>报送（截止 {status.deadline}）</Text>
      {mine ? (
        <View id='report-mine'>
          <Notice tone={mine.state === 'returned' ? 'warn' : mine.state ? 'ok' : mine.late ? 'danger' : 'info'} text={`${mine.name}本期报告：${mine.stateLabel}${mine.submittedAt ? `（${formatDateTime(mine.submittedAt)}）` : ''}`} />
          {mine.state === 'returned' && mine.comment ? <Text id='report-return-reason' className='sp-small-note'>退回原因：{mine.comment}</Text> : null}
          {mine.state === null || mine.state === 'returned' ? <SubmitButton id='btn-report-submit' text={mine.state ? '重新报送' : '报送本期报告'} busy={submit.busy} onClick={() => void submit.run()} /> : null}
        </View>
      ) : null}
      {!mine ? (
        <View id='report-counties'>
          <Text className='sp-small-note'>
            {status.counties.filter((c) => c.state).length}/{status.counties.length} 个县已报送；逾期 {status.late.length} 个
          </Text>
          {status.cities.map((c) => (
            <View key={c!.id} id={`report-city-${c!.regionCode}`} className='sp-item'>
              <Text className='sp-item__title'>
                {c!.regionName}：{c!.stateLabel}
              </Text>
              <Text className='sp-item__line'>
                {formatDateTime(c!.submittedAt)} · 汇总 {c!.counties.length} 个县{c!.comment ? ` · ${c!.comment}` : ''}
              </Text>
            </View>
          ))}
          {missing.length ? (
            <View id='report-missing' className='sp-item sp-item--alert'>
              <Text className='sp-item__title'>
                未报送（{missing.length} 个{missing.some((c) => c.late) ? '，已逾期' : ''}）
              </Text>
              {byCity(missing).map(([cityName, names]) => (
                <Text key={cityName} className='sp-item__line'>
                  {cityName}：{names.join('、')}
                </Text>
              ))}
            </View>
          ) : null}
          {status.counties
            .filter((c) => c.state)
            .map((c) => (
              <View key={c.code} id={`report-county-${c.code}`} className={`sp-item${c.late ? ' sp-item--alert' : ''}`}>
                <Text className='sp-item__title'>
                  {c.city} {c.name}：{c.stateLabel}
                  {c.late ? '（逾期）' : ''}
                </Text>
                {c.submittedAt ? <Text className='sp-item__line'>报送于 {formatDateTime(c.submittedAt)}</Text> : null}
                {canReview && c.state === 'submitted' && !cityDone ? (
                  returning === c.code ? (
                    <View>
                      <Field label='退回原因' required error={fieldError(back.error, 'reason')}>
                        <TextArea id={`report-reason-${c.code}`} value={reason} onChange={setReason} maxlength={300} />
                      </Field>
                      <SubmitButton id={`btn-report-return-${c.code}`} text='退回' tone='danger' busy={back.busy} onClick={() => void back.run(c.code, c.version ?? 1)} />
                    </View>
                  ) : (
                    <SubmitButton id={`btn-report-open-return-${c.code}`} text='退回' tone='secondary' onClick={() => setReturning(c.code)} />
                  )
                ) : null}
              </View>
            ))}
          {canReview && !cityDone ? <SubmitButton id='btn-report-forward' text={`汇总报省（${submitted} 个县）`} busy={forward.busy} disabled={!submitted} onClick={() => void forward.run()} /> : null}
        </View>
      ) : null}
      {err ? <Notice id='report-chain-error' tone='danger' text={err.message} /> : null}
      {back.error && !back.error.fields.reason ? <Notice tone='danger' text={back.error.message} /> : null}
    </View>
  );
}

export default function ReportPage() {
  const desk = useDesktop();
  const options = useLoad(() => reports.options(), []);
  const o = options.data;
  const [region, setRegion] = useState<string | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const regionCode = region ?? o?.regions[0]?.code ?? null;
  const periodKey = period ?? o?.defaultPeriod ?? null;
  const ready = Boolean(regionCode && periodKey);
  const figures = useLoad(() => reports.figures({ regionCode: regionCode!, period: periodKey! }), [regionCode, periodKey], { skip: !ready });
  const status = useLoad(() => reports.status({ regionCode: regionCode!, period: periodKey! }), [regionCode, periodKey], { skip: !ready });
  const exporter = useAction(async () => openDownload(await reports.export({ regionCode: regionCode!, period: periodKey! })), { onError: (e) => toast(e.message) });
  const f = figures.data;

  return (
    <PageShell id='page-report' heading='报表与报送' className={desk ? 'desk-page' : undefined}>
      {options.status === 'loading' && !o ? <Skeleton id='report-loading' rows={2} /> : null}
      {options.status === 'error' && !o ? <ErrorState id='report-error' message={options.error?.message ?? '加载失败'} onRetry={options.reload} /> : null}
      {o ? (
        <View id='report-filters' className='sp-form'>
          <Text className='sp-form__title'>地区</Text>
          <Choices idPrefix='report-region' options={o.regions.map((r) => [r.code, r.name.split(' · ').pop()!] as const)} value={regionCode} onChange={setRegion} label='地区' />
          <Text className='sp-form__title'>期间</Text>
          <Choices idPrefix='report-period' options={o.periods.map((p) => [p.key, p.label] as const)} value={periodKey} onChange={setPeriod} label='期间' />
        </View>
      ) : null}
      {ready && figures.status === 'loading' && !f ? <Skeleton id='report-figures-loading' rows={3} /> : null}
      {ready && figures.status === 'error' ? <ErrorState id='report-figures-error' message={figures.error?.message ?? '加载失败'} onRetry={figures.reload} /> : null}
      {f ? (
        <View id='report-figures'>
          <View id='report-summary' className='sp-form'>
            <Text className='sp-form__title'>
              {f.figures.region.name} · {f.figures.period.label}
            </Text>
            <View className='sp-figures'>
              {tiles(f.figures.total).map(([key, value, label]) => (
                <View key={key} id={`report-tile-${key}`} className='sp-figure'>
                  <Text className='sp-figure__value'>{value}</Text>
                  <Text className='sp-figure__label'>{label}</Text>
                </View>
              ))}
            </View>
            <SubmitButton id='btn-report-export' text='导出 Excel' busyText='正在导出…' tone='secondary' busy={exporter.busy} onClick={() => void exporter.run()} />
          </View>
          {desk ? <Charts figures={f.figures} /> : null}
          {f.tables.filter((t) => t.name !== '指标说明').map((t) => (desk ? <DeskTable key={t.name} t={t} /> : t.rows.length > 1 && t.name !== '承办单位' && t.name !== '疑似闲置' ? <PhoneTopic key={t.name} t={t} /> : null))}
          {desk ? <DeskTable t={f.tables.find((t) => t.name === '指标说明')!} /> : null}
        </View>
      ) : null}
      {status.data && periodKey && o ? <Chain period={periodKey} status={status.data} canSubmit={o.canSubmit} canReview={o.canReview} reload={() => (status.reload(), figures.reload())} /> : null}
    </PageShell>
  );
}
