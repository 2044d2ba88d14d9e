/**
 * 覆盖情况 (issue 12 §4; 第五条3, 第六条): for one county, the townships without a station, the
 * villages without a point, places breaking one-centre-per-county / one-station-per-township /
 * at-most-one-point-per-village, and what is planned. County officials see their county; city and
 * province officials choose one.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import PageShell from '../../../components/PageShell';
import { ErrorState, Skeleton } from '../../../components/StateViews';
import { useLoad } from '../../../hooks/useLoad';
import { coverage, type CoverageReport, type PovertyReport } from '../../../services/coverage';
import { pickSheet, uploadSheet } from '../../../services/register';
import { toApiError } from '../../../services/transport';
import { confirm, toast } from '../../../ui/dialogs';
import { Choices, SubmitButton } from '../../../ui/form';
import Notice from '../../../ui/Notice';
import '../../shared/sub.css';

function Gaps({ id, title, items, empty }: { id: string; title: string; items: { code: string; name: string; within?: string; planned: string[]; poverty?: boolean }[]; empty: string }) {
  return (
    <View id={id} className='sp-form'>
      <Text className='sp-form__title'>
        {title}（{items.length}）
      </Text>
      {items.length === 0 ? <Text className='sp-small-note'>{empty}</Text> : null}
      {items.map((g) => (
        <View key={g.code} id={`${id}-${g.code}`} className='sp-item'>
          <Text className='sp-item__title'>
            {g.within ? `${g.within} · ` : ''}
            {g.name}
            {g.poverty ? <Text className='badge badge--warn'>脱贫村</Text> : null}
          </Text>
          <Text className='sp-item__line'>{g.planned.length ? `已规划：${g.planned.join('、')}` : '尚无规划'}</Text>
        </View>
      ))}
    </View>
  );
}

/** The map on the PC (H5): drawn by ./chart.ts, loaded only when this page shows a report. */
function CoverageMap({ r }: { r: CoverageReport }) {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    let dispose: (() => void) | undefined;
    let gone = false;
    void import('./chart').then(({ drawCoverage }) => {
      const el = document.getElementById('coverage-map-canvas');
      if (!gone && el) dispose = drawCoverage(el, r);
    });
    return () => {
      gone = true;
      dispose?.();
    };
  }, [r]);
  if (process.env.TARO_ENV !== 'h5') return null;
  return (
    <View id='coverage-map' className='sp-form'>
      <Text className='sp-form__title'>站点分布</Text>
      <View id='coverage-map-canvas' className='sp-coverage-map' role='img' aria-label={`${r.county.name}站点分布图：${r.points.length} 个站点`} />
      <Text className='sp-small-note'>按经纬度画出每个站点（空心为规划中）；没有服务站的乡镇和村见下面的清单。</Text>
    </View>
  );
}

function Report({ r }: { r: CoverageReport }) {
  return (
    <View id='coverage-report'>
      <View id='coverage-summary' className='sp-form'>
        <Text className='sp-form__title'>{r.county.name}</Text>
        <View className='sp-figures'>
          <View className='sp-figure'>
            <Text className='sp-figure__value'>
              {r.counts.townshipsCovered}/{r.counts.townships}
            </Text>
            <Text className='sp-figure__label'>乡镇有服务站</Text>
          </View>
          <View className='sp-figure'>
            <Text className='sp-figure__value'>
              {r.counts.villagesCovered}/{r.counts.villages}
            </Text>
            <Text className='sp-figure__label'>村有服务点</Text>
          </View>
          <View className='sp-figure'>
            <Text className='sp-figure__value'>{r.counts.planned}</Text>
            <Text className='sp-figure__label'>规划、审核中的站点</Text>
          </View>
          {r.counts.povertyVillages ? (
            <View className='sp-figure'>
              <Text className='sp-figure__value'>{r.counts.povertyWithout}</Text>
              <Text className='sp-figure__label'>脱贫村没有服务点</Text>
            </View>
          ) : null}
        </View>
        <Notice id='coverage-centre' tone={r.centre.ok ? 'ok' : 'danger'} text={r.centre.message} />
      </View>
      {r.breaches.length ? (
        <View id='coverage-breaches' className='sp-form'>
          <Text className='sp-form__title'>不符合布局（{r.breaches.length}）</Text>
          {r.breaches.map((b) => (
            <View key={`${b.level}-${b.code}`} id={`breach-${b.code}`} className='sp-item'>
              <Text className='sp-item__title'>{b.message}</Text>
              <Text className='sp-item__line'>{b.stations.join('、')}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <CoverageMap r={r} />
      <Gaps id='coverage-townships' title='没有服务站的乡镇' items={r.townshipsWithout} empty='每个乡镇都有服务站。' />
      <Gaps id='coverage-villages' title='没有服务点的村' items={r.villagesWithout} empty='每个村都有服务点。' />
      {r.planned.length ? (
        <View id='coverage-planned' className='sp-form'>
          <Text className='sp-form__title'>规划中的站点（{r.planned.length}）</Text>
          {r.planned.map((p) => (
            <View key={p.id} id={`planned-${p.id}`} className='sp-item'>
              <Text className='sp-item__title'>{p.name}</Text>
              <Text className='sp-item__line'>
                {p.levelLabel} · {p.place} · {p.statusLabel}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** 脱贫村名单 (the county's own officials): choose a file, see each row checked, then import. */
function PovertyImport({ countyCode, onDone }: { countyCode: string; onDone: () => void }) {
  const [fileId, setFileId] = useState<string | null>(null);
  const [report, setReport] = useState<PovertyReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const choose = async () => {
    const sheet = await pickSheet();
    if (!sheet) return;
    setReport(null);
    await run(async () => {
      const id = await uploadSheet(sheet);
      setFileId(id);
      setReport(await coverage.povertyPreview({ fileId: id, countyCode }));
    });
  };
  const doImport = async () => {
    if (!fileId || !report) return;
    const ok = await confirm({ title: '导入脱贫村名单', content: `将用这份名单（${report.summary.villages} 个村）替换原有的脱贫村名单。`, confirmText: '确认导入' });
    if (!ok) return;
    await run(async () => {
      const done = await coverage.povertyImport({ fileId, countyCode });
      setReport(done);
      if (done.written) {
        toast('已导入');
        onDone();
      }
    });
  };
  const importable = !!report && !report.written && !report.fileErrors.length && report.summary.errors === 0 && report.summary.villages > 0;
  return (
    <View id='coverage-poverty' className='sp-form'>
      <Text className='sp-form__title'>脱贫村名单</Text>
      <Text className='sp-small-note'>上传 Excel 或 CSV，两列：行政区划代码、村名。导入后没有服务点的脱贫村排在最前。</Text>
      {error ? <Notice id='poverty-error' tone='danger' text={error} /> : null}
      {report?.fileErrors.map((m) => <Notice key={m} tone='danger' text={m} />)}
      {report && !report.fileErrors.length ? (
        <View id='poverty-report'>
          <Notice
            tone={report.summary.errors ? 'danger' : 'ok'}
            text={report.written ? `已导入 ${report.summary.villages} 个脱贫村` : `共 ${report.summary.rows} 行，可导入 ${report.summary.villages} 个村${report.summary.errors ? `，${report.summary.errors} 行有错误，请改好后重新上传` : ''}`}
          />
          {report.rows.map((r) => (
            <View key={r.row} id={`poverty-row-${r.row}`} className='sp-item'>
              <Text className='sp-item__title'>
                第 {r.row} 行 {r.name || r.code}
              </Text>
              {[...r.errors, ...r.warnings].map((m) => (
                <Text key={m} className='sp-item__line'>
                  {m}
                </Text>
              ))}
            </View>
          ))}
        </View>
      ) : null}
      <SubmitButton id='btn-poverty-choose' tone={importable ? 'secondary' : 'primary'} text='选择文件' busy={busy} busyText='正在检查…' onClick={() => void choose()} />
      {importable ? <SubmitButton id='btn-poverty-import' text='确认导入' busy={busy} onClick={() => void doImport()} /> : null}
    </View>
  );
}

export default function CoveragePage() {
  const counties = useLoad(() => coverage.counties(), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = counties.data?.items ?? [];
  const countyCode = chosen ?? (list.length === 1 ? list[0]!.code : null);
  const report = useLoad(() => coverage.of({ countyCode: countyCode ?? undefined }), [countyCode], { skip: !countyCode });

  return (
    <PageShell id='page-coverage' heading='覆盖情况'>
      {counties.status === 'loading' && !counties.data ? <Skeleton id='coverage-loading' rows={2} /> : null}
      {counties.status === 'error' && !counties.data ? <ErrorState id='coverage-error' message={counties.error?.message ?? '加载失败'} onRetry={counties.reload} /> : null}
      {list.length > 1 ? (
        <View id='coverage-counties' className='sp-form'>
          <Text className='sp-form__title'>选择县（市、区）</Text>
          <Choices idPrefix='coverage-county' options={list.map((c) => [c.code, list.some((o) => o.city !== c.city) ? `${c.city}${c.name}` : c.name] as const)} value={countyCode} onChange={setChosen} label='县（市、区）' />
        </View>
      ) : null}
      {countyCode && report.status === 'loading' && !report.data ? <Skeleton id='coverage-report-loading' rows={3} /> : null}
      {countyCode && report.status === 'error' ? <ErrorState id='coverage-report-error' message={report.error?.message ?? '加载失败'} onRetry={report.reload} /> : null}
      {report.data ? <Report r={report.data} /> : null}
      {/* A county official has exactly one county: the list is theirs to import. */}
      {report.data && list.length === 1 && countyCode ? <PovertyImport countyCode={countyCode} onDone={report.reload} /> : null}
    </PageShell>
  );
}
