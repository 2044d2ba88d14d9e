/**
 * 负责人考核 (county, city and province officials, 第九条4): each head of the region with their
 * result for a period (quarter or year) and its parts; stations in their cultivation period are
 * exempt. The county marks a reward (表彰) or replaces the head: a reserve candidate of the county
 * (备用库) is appointed, or a new post is opened; the old head's access ends at once. At a desk
 * (≥ 1024 px) the list is a table.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import { EmptyState, Skeleton } from '../../../components/StateViews';
import { heads, periodChoices, type AssessmentRow, type ReserveCandidate } from '../../../services/heads';
import { useAction } from '../../../hooks/useAction';
import { useDesktop } from '../../../hooks/useDesktop';
import { useLoad } from '../../../hooks/useLoad';
import Button from '../../../ui/Button';
import Notice from '../../../ui/Notice';
import { Choices, Field, SubmitButton, TextArea, fieldError } from '../../../ui/form';
import { todayShanghai } from '../../../ui/format';
import { toast } from '../../../ui/dialogs';
import { PartsList, ResultBadge } from './parts';
import '../../shared/sub.css';
import './heads.css';
import LoadStates from '../components/LoadStates';
import { usePullRefresh } from '../../../hooks/useRefreshOnShow';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional import of a stylesheet
if (process.env.TARO_ENV === 'h5') require('../desk/desk-page.css');

const PART_ORDER = ['ledger', 'inspection', 'complaints', 'ratings', 'training'] as const;
const PART_SHORT: Record<(typeof PART_ORDER)[number], string> = { ledger: '台账', inspection: '检查', complaints: '投诉', ratings: '评价', training: '培训' };

type Mode = { kind: 'reward' } | { kind: 'replace' };

/** The county's decision on one head: a note, and for a replacement the reserve candidate or a new post. */
function DecideForm({ row, period, mode, onDone, onCancel }: { row: AssessmentRow; period: string; mode: Mode; onDone: () => void; onCancel: () => void }) {
  const [note, setNote] = useState('');
  const [pick, setPick] = useState<string>('post');
  const [noteMissing, setNoteMissing] = useState(false);
  const pool = useLoad<{ items: ReserveCandidate[] }>(() => (mode.kind === 'replace' ? heads.reserve({ stationId: row.stationId }) : Promise.resolve({ items: [] })), [mode.kind, row.stationId]);
  const reward = mode.kind === 'reward';
  const decide = useAction(
    (candidate: ReserveCandidate | undefined) =>
      reward ? heads.reward({ stationId: row.stationId, period, note: note.trim() }) : heads.replace({ stationId: row.stationId, period, note: note.trim(), ...(candidate ? { applicationId: candidate.applicationId } : {}) }),
    {
      confirm: (candidate) =>
        reward
          ? { title: '确认表彰', content: `表彰 ${row.headName}（${row.stationName}）？`, confirmText: '表彰' }
          : { title: '确认更换负责人', content: `${row.headName}的站点负责人身份将立即取消，${candidate ? `由备用库的 ${candidate.name} 接任` : '并发布新的招募岗位（草稿）'}。不能撤销。`, confirmText: '更换' },
      onDone: () => {
        toast(reward ? '已表彰' : '已更换', 'success');
        onDone();
      },
    },
  );
  const { error, busy } = decide;
  const submit = () => {
    setNoteMissing(!note.trim());
    if (!note.trim()) return;
    void decide.run(pool.data?.items.find((c) => c.applicationId === pick));
  };
  return (
    <View id={`heads-decide-${row.stationId}`} className='sp-form'>
      <Text className='sp-form__title'>{reward ? '表彰奖励' : '更换负责人'}</Text>
      {!reward ? (
        <Field label='接任人选'>
          {pool.status === 'loading' ? <Skeleton rows={1} /> : null}
          <Choices
            idPrefix={`heads-pick-${row.stationId}`}
            options={[...(pool.data?.items ?? []).map((c) => [c.applicationId, `${c.name}（备用库，${c.total ?? '—'} 分，${c.villageName}）`] as const), ['post', '备用库里没有合适人选：重新招募'] as const]}
            value={pick}
            onChange={setPick}
          />
        </Field>
      ) : null}
      <Field label={reward ? '表彰说明' : '更换原因'} required error={noteMissing ? '请填写' : fieldError(error, 'note')}>
        <TextArea id={`heads-note-${row.stationId}`} value={note} onChange={setNote} maxlength={200} placeholder={reward ? '如：台账规范，群众满意度高' : '如：连续两个季度考核不合格'} />
      </Field>
      {error && !Object.keys(error.fields).length ? <Notice id='heads-decide-error' tone='danger' text={error.message} /> : null}
      <View className='hd-actions'>
        <SubmitButton id={`btn-heads-confirm-${row.stationId}`} text={reward ? '表彰' : '更换'} tone={reward ? 'primary' : 'danger'} busy={busy} onClick={() => void submit()} />
        <Button className='btn btn--ghost' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

function Decisions({ row }: { row: Pick<AssessmentRow, 'decisions'> }) {
  return (
    <>
      {row.decisions.map((d) => (
        <Text key={d.id} className='hd-decision'>
          {d.label}：{d.note}
          {d.replacement?.mode === 'reserve' ? `（由 ${d.replacement.name} 接任）` : d.replacement?.mode === 'post' ? '（已建招募岗位草稿）' : ''}
        </Text>
      ))}
    </>
  );
}

export default function HeadsAssessmentPage() {
  const desk = useDesktop();
  const choices = periodChoices(todayShanghai());
  const [period, setPeriod] = useState(choices[0][0]);
  const [open, setOpen] = useState<{ stationId: string; mode: Mode } | null>(null);
  const view = useLoad(() => heads.list({ period }), [period]);
  usePullRefresh(view.reload);
  const v = view.data;
  const actions = (row: AssessmentRow) => {
    if (!v?.canDecide) return null;
    const rewarded = row.decisions.some((d) => d.kind === 'reward');
    return (
      <View className='hd-actions'>
        {!rewarded && !row.exempt && row.grade !== 'fail' ? (
          <Button id={`btn-heads-reward-${row.stationId}`} className='btn btn--secondary' onClick={() => setOpen({ stationId: row.stationId, mode: { kind: 'reward' } })}>
            表彰
          </Button>
        ) : null}
        <Button id={`btn-heads-replace-${row.stationId}`} className='btn btn--ghost' onClick={() => setOpen({ stationId: row.stationId, mode: { kind: 'replace' } })}>
          更换
        </Button>
      </View>
    );
  };
  const form = (row: AssessmentRow) =>
    open?.stationId === row.stationId ? (
      <DecideForm
        row={row}
        period={period}
        mode={open.mode}
        onCancel={() => setOpen(null)}
        onDone={() => {
          setOpen(null);
          view.reload();
        }}
      />
    ) : null;
  return (
    <PageShell id='page-heads' heading='负责人考核' className={desk ? 'desk-page' : undefined}>
      <Choices idPrefix='heads-period' options={choices} value={period} onChange={setPeriod} label='考核期' />
      {v ? (
        <Text id='heads-weights' className='sp-lead'>
          {v.periodLabel}。现行权重（{v.weightsSource}）：台账 {v.weights.ledger}、走访检查 {v.weights.inspection}、投诉办理 {v.weights.complaints}、群众评价 {v.weights.ratings}、培训 {v.weights.training}
          {v.weightsVary ? '；有的县另定了权重，各站按所在县的权重计分' : ''}；没有数据的分项不计，权重由其他分项分摊；认定不满 6 个月的站点免考。权重在“参数设置”中调整。
        </Text>
      ) : null}
      <LoadStates load={view} loadingId='heads-loading' errorId='heads-error' rows={3} />
      {v && view.status !== 'error' ? (
        <View id='heads-list' className={view.status === 'loading' ? 'sp-is-refreshing' : ''}>
          {!v.heads.length ? <EmptyState id='heads-empty' text='辖区内还没有站点负责人' /> : null}
          {desk && v.heads.length ? (
            <View id='heads-table' className='hd-table' {...{ role: 'table' }}>
              <View className='hd-table__row hd-table__row--head' {...{ role: 'row' }}>
                {['站点', '负责人', '结果', ...PART_ORDER.map((p) => PART_SHORT[p]), '决定'].map((h) => (
                  <Text key={h} className='hd-table__cell' {...{ role: 'columnheader' }}>
                    {h}
                  </Text>
                ))}
              </View>
              {v.heads.map((row) => (
                <View key={row.stationId} id={`heads-row-${row.stationId}`} className='hd-table__row' {...{ role: 'row' }}>
                  <Text className='hd-table__cell' {...{ role: 'cell' }}>{row.stationName}</Text>
                  <Text className='hd-table__cell' {...{ role: 'cell' }}>{row.headName}</Text>
                  <View className='hd-table__cell' {...{ role: 'cell' }}>
                    <ResultBadge id={`heads-total-${row.stationId}`} exempt={row.exempt} total={row.total} gradeLabel={row.gradeLabel} />
                  </View>
                  {PART_ORDER.map((p) => {
                    const part = row.parts.find((x) => x.part === p);
                    return (
                      <Text key={p} className='hd-table__cell hd-table__num' {...{ role: 'cell', title: part?.basis }}>
                        {part?.score ?? '不计'}
                      </Text>
                    );
                  })}
                  <View className='hd-table__cell' {...{ role: 'cell' }}>
                    <Decisions row={row} />
                    {actions(row)}
                    {form(row)}
                  </View>
                </View>
              ))}
            </View>
          ) : (
            v.heads.map((row) => (
              <View key={row.stationId} id={`heads-row-${row.stationId}`} className={`sp-item ${row.grade === 'fail' ? 'sp-item--alert' : ''}`}>
                <View className='sp-item__top'>
                  <Text className='sp-item__title'>{row.headName}</Text>
                  <ResultBadge id={`heads-total-${row.stationId}`} exempt={row.exempt} total={row.total} gradeLabel={row.gradeLabel} />
                </View>
                <Text className='sp-item__line'>{row.stationName}</Text>
                <PartsList id={`heads-parts-${row.stationId}`} parts={row.parts} />
                <Decisions row={row} />
                {actions(row)}
                {form(row)}
              </View>
            ))
          )}
          {v.replaced.length ? <Text className='sp-list-heading'>本期已更换</Text> : null}
          {v.replaced.map((row) => (
            <View key={row.stationId} id={`heads-replaced-${row.stationId}`} className='sp-item'>
              <Text className='sp-item__title'>
                {row.headName} · {row.stationName}
              </Text>
              <Decisions row={row} />
            </View>
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}
