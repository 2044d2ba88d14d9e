/**
 * 站点认定 (第十一条3): operator staff file an application for a planned station and do the 初审;
 * the county records the site visit, then publishes the 公示; the station is certified when the
 * notice ends clean. A returned or refused application shows why.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import { useRefreshOnShow } from '../../../hooks/useRefreshOnShow';
import { certify, type CertificationView } from '../../../services/certify';
import Button from '../../../ui/Button';
import { toast } from '../../../ui/dialogs';
import { Choices, Field, SubmitButton, TextArea, fieldError, useScrollToFirstError, InputField } from '../../../ui/form';
import { useHints } from '../../../hooks/useHints';
import { formatDateTime, todayShanghai } from '../../../ui/format';
import Notice from '../../../ui/Notice';
import PhotoStrip from '../../../ui/PhotoStrip';
import { SiteFactsFields, useSiteFacts } from '../../shared/SiteFacts';
import DateField from '../components/DateField';
import { defaultEnd } from '../components/PublishNotice';
import '../../shared/sub.css';
import ItemHead from '../../../ui/ItemHead';
import OpenForm from '../../../ui/OpenForm';

function FileForm({ onFiled }: { onFiled: () => void }) {
  const [f, setF] = useState({ stationId: '', stationName: '', entity: '' });
  const site = useSiteFacts();
  const { hint, check } = useHints();
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const file = useAction(
    () =>
      certify.file({
        stationId: f.stationId.trim(),
        stationName: f.stationName.trim(),
        entity: f.entity.trim(),
        ...site.payload(),
      }),
    { onDone: () => (toast('已提交', 'success'), onFiled()) },
  );
  useScrollToFirstError(file.error);
  const submit = () => {
    const passed = check({
      stationId: !f.stationId.trim() && '请填写站点编号',
      stationName: !f.stationName.trim() && '请填写站点名称',
      entity: !f.entity.trim() && '请填写运营单位',
      ...site.hints(),
    });
    if (passed) void file.run();
  };
  // A photo hint goes once a photo is there (the other hints wait for the next submit, as before).
  const filled = (k: string) => (k === 'plaquePhotos' && site.plaque.length > 0) || (k === 'signagePhotos' && site.signage.length > 0 && !site.uploading.signage);
  const err = (k: string) => (filled(k) ? undefined : (hint[k] ?? fieldError(file.error, k)));
  return (
    <View id='certify-form' className='sp-form'>
      <InputField label='站点编号' required hint='站点登记里“规划中”的站点' error={err('stationId')} id='certify-station' value={f.stationId} onChange={set('stationId')} maxlength={40} />
      <InputField label='站点名称' required hint='如“江西电商扶贫工程某某村服务点”（第七条4）' error={err('stationName')} id='certify-name' value={f.stationName} onChange={set('stationName')} maxlength={40} />
      <InputField label='运营单位（市场主体）' required error={err('entity')} id='certify-entity' value={f.entity} onChange={set('entity')} maxlength={60} />
      <SiteFactsFields idPrefix='certify' site={site} err={err} photoHints={{ plaque: '门口挂的站牌，看得清站名', signage: '店内外的电商扶贫标识、公示牌' }} />
      {file.error && !Object.keys(file.error.fields).length ? <Notice tone='danger' text={file.error.message} /> : null}
      <SubmitButton id='certify-submit' text='提交认定申请' busy={file.busy} onClick={submit} />
    </View>
  );
}

function AppCard({ a, role, onChanged }: { a: CertificationView; role: 'county' | 'operator'; onChanged: () => void }) {
  const [comment, setComment] = useState('');
  const [v, setV] = useState({ visitedOn: todayShanghai(), visitors: '', findings: '', authority: '', reason: '' });
  const [passed, setPassed] = useState<'yes' | 'no' | null>(null);
  const today = todayShanghai();
  const [period, setPeriod] = useState({ startsOn: today, endsOn: defaultEnd(today, today), channel: '' });
  const done = { onDone: () => (toast('已办理', 'success'), onChanged()), onConflict: (e: { message: string }) => toast(e.message) };
  const pass = useAction(() => certify.operatorReview({ id: a.id, version: a.version, pass: true, ...(comment.trim() ? { comment: comment.trim() } : {}) }), done);
  const back = useAction(() => certify.operatorReview({ id: a.id, version: a.version, pass: false, comment: comment.trim() }), { ...done, confirm: { title: '退回申请', content: '退回后运营单位需重新提交。', confirmText: '退回' } });
  const review = useAction(
    () =>
      certify.countyReview({
        id: a.id,
        version: a.version,
        visitedOn: v.visitedOn,
        visitors: v.visitors.trim(),
        findings: v.findings.trim(),
        passed: passed === 'yes',
        ...(v.authority.trim() ? { authority: v.authority.trim() } : {}),
        ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
      }),
    { ...done, confirm: () => (passed === 'no' ? { title: '审核不通过', content: '不通过后申请结束，运营单位会看到原因。', confirmText: '不通过' } : null) },
  );
  const publish = useAction(() => certify.publish({ id: a.id, version: a.version, startsOn: period.startsOn, endsOn: period.endsOn, objectionChannel: period.channel.trim() }), {
    ...done,
    confirm: { title: '发布认定公示', content: `公示“${a.stationName}”？发布后向社会公开，不能撤回。`, confirmText: '发布' },
  });
  useScrollToFirstError(review.error ?? publish.error ?? back.error);
  const errorOf = [pass, back, review, publish].map((x) => x.error).find((e) => e && !Object.keys(e.fields).length);
  return (
    <View id={`cert-${a.id}`} className='sp-item'>
      <ItemHead title={a.stationName} status={a.stateLabel} tone={a.state === 'certified' ? 'ok' : a.state === 'returned' || a.state === 'refused' ? 'danger' : 'warn'} />
      <Text className='sp-item__line'>
        {a.levelLabel} · {a.address} · {a.areaSqm}㎡ · 服务人口约 {a.servicePopulation} 人
      </Text>
      <Text className='sp-item__line'>设施：{a.equipment.join('、')}</Text>
      {a.applicant ? (
        <Text id={`cert-applicant-${a.id}`} className='sp-item__line'>
          市场主体申办：{a.applicant.entityName}（{a.applicant.creditCode}）· 联系人 {a.applicant.contactName} {a.applicant.contactPhone}
        </Text>
      ) : null}
      {a.photos.plaque.length || a.photos.signage.length ? (
        <View id={`cert-photos-${a.id}`} className='sp-cert-photos'>
          <View className='sp-cert-photos__group'>
            <Text className='sp-item__line'>站牌照片</Text>
            <PhotoStrip urls={a.photos.plaque} label='站牌照片' small />
          </View>
          <View className='sp-cert-photos__group'>
            <Text className='sp-item__line'>标识照片</Text>
            <PhotoStrip urls={a.photos.signage} label='标识照片' small />
          </View>
        </View>
      ) : null}
      {a.warnings.length ? <Notice tone='warn' text={a.warnings.join('；')} /> : null}
      {a.reason ? <Notice tone='danger' text={`原因：${a.reason}`} /> : null}
      {a.certificate ? <Text className='sp-item__line'>证书编号 {a.certificate.certificateNo} · {a.certificate.certifiedOn} · {a.certificate.authority}</Text> : null}
      {a.noticeId ? (
        <Button id={`cert-notice-${a.id}`} className='link' onClick={() => void Taro.navigateTo({ url: `/packages/apply/notice/index?id=${encodeURIComponent(a.noticeId!)}` })}>
          查看公示
        </Button>
      ) : null}
      {a.noticeId && a.state === 'notice' && role === 'county' ? (
        <Button id={`cert-objections-${a.id}`} className='link' onClick={() => void Taro.navigateTo({ url: `/packages/official/objections/index?noticeId=${encodeURIComponent(a.noticeId!)}` })}>
          处理异议
        </Button>
      ) : null}
      {a.actions.includes('operatorPass') ? (
        <View className='sp-form'>
          <Field label='初审意见' hint='退回时必填，运营单位会看到' error={fieldError(back.error, 'comment')}>
            <TextArea id={`cert-comment-${a.id}`} value={comment} onChange={setComment} maxlength={300} />
          </Field>
          <SubmitButton id={`cert-pass-${a.id}`} text='初审通过' busy={pass.busy} onClick={() => void pass.run()} />
          <SubmitButton id={`cert-return-${a.id}`} text='退回' tone='danger' busy={back.busy} onClick={() => void back.run()} />
        </View>
      ) : null}
      {a.actions.includes('countyReview') ? (
        <View className='sp-form'>
          <Field label='核查日期' required error={fieldError(review.error, 'visitedOn')}>
            <DateField id={`cert-visit-date-${a.id}`} value={v.visitedOn} onChange={(x) => setV({ ...v, visitedOn: x })} end={todayShanghai()} />
          </Field>
          <InputField label='核查人员' required error={fieldError(review.error, 'visitors')} id={`cert-visitors-${a.id}`} value={v.visitors} onChange={(x) => setV({ ...v, visitors: x })} maxlength={60} />
          <Field label='核查情况' required error={fieldError(review.error, 'findings')}>
            <TextArea id={`cert-findings-${a.id}`} value={v.findings} onChange={(x) => setV({ ...v, findings: x })} maxlength={500} />
          </Field>
          <Field label='核查结果' required>
            <Choices idPrefix={`cert-passed-${a.id}`} options={[['yes', '合格'], ['no', '不合格']] as const} value={passed} onChange={setPassed} label='核查结果' />
          </Field>
          {passed === 'no' ? (
            <Field label='不通过原因' required error={fieldError(review.error, 'reason')}>
              <TextArea id={`cert-reason-${a.id}`} value={v.reason} onChange={(x) => setV({ ...v, reason: x })} maxlength={300} />
            </Field>
          ) : (
            <InputField label='认定机关' hint={`不填则为 ${a.authority}`} error={fieldError(review.error, 'authority')} id={`cert-authority-${a.id}`} value={v.authority} onChange={(x) => setV({ ...v, authority: x })} maxlength={40} />
          )}
          {passed ? <SubmitButton id={`cert-review-${a.id}`} text='提交审核结果' busy={review.busy} onClick={() => void review.run()} /> : null}
        </View>
      ) : null}
      {a.actions.includes('publish') ? (
        <View className='sp-form'>
          <Field label='公示开始' required error={fieldError(publish.error, 'startsOn')}>
            <DateField id={`cert-starts-${a.id}`} value={period.startsOn} onChange={(x) => setPeriod({ ...period, startsOn: x, endsOn: period.endsOn < defaultEnd(x, today) ? defaultEnd(x, today) : period.endsOn })} start={today} />
          </Field>
          <Field label='公示结束' required hint='不少于 5 个工作日' error={fieldError(publish.error, 'endsOn')}>
            <DateField id={`cert-ends-${a.id}`} value={period.endsOn} onChange={(x) => setPeriod({ ...period, endsOn: x })} start={period.startsOn} />
          </Field>
          <InputField label='异议渠道' required hint='如：县商务局 0797-1234567' error={fieldError(publish.error, 'objectionChannel')} id={`cert-channel-${a.id}`} value={period.channel} onChange={(x) => setPeriod({ ...period, channel: x })} maxlength={100} />
          <SubmitButton id={`cert-publish-${a.id}`} text='发布公示' busy={publish.busy} onClick={() => void publish.run()} />
        </View>
      ) : null}
      {errorOf ? <Notice tone='danger' text={errorOf.message} /> : null}
      <View className='sp-timeline'>
        {a.events.map((e, i) => (
          <Text key={i} className='sp-item__line'>
            {formatDateTime(e.at)} {e.by}：{e.note}
          </Text>
        ))}
      </View>
    </View>
  );
}

export default function CertifyPage() {
  const list = useLoad(() => certify.list({ limit: 50 }), []);
  useRefreshOnShow(list.reload);
  const d = list.data;
  return (
    <PageShell id='page-certify' heading='站点认定'>
      {list.status === 'loading' && !d ? <Skeleton id='certify-loading' rows={2} /> : null}
      {list.status === 'error' && !d ? <ErrorState id='certify-error' message={list.error?.message ?? '加载失败'} onRetry={list.reload} /> : null}
      {d?.role === 'operator' ? <OpenForm id='certify-new' text='申请认定' form={(sent) => <FileForm onFiled={sent} />} onSent={list.reload} /> : null}
      {d && !d.items.length ? <EmptyState id='certify-empty' text={d.role === 'operator' ? '还没有认定申请' : '辖区内没有认定申请'} /> : null}
      {d?.items.map((a) => <AppCard key={`${a.id}-${a.version}`} a={a} role={d.role} onChanged={list.reload} />)}
    </PageShell>
  );
}
