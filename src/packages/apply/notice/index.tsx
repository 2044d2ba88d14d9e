/**
 * A public notice: the facts (name, gender, age, village, post — never ID or phone), the period,
 * the objection channel, and — only while the notice is running — the real-name objection form.
 */
import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { MIN_OBJECTION } from '@core/recruitment/limits';
import { MOBILE_PHONE, visibleLength } from '@core/shared/limits';
import DetailPage from '../components/DetailPage';
import { notices, type ObjectionReceipt } from '../../../services/notices';
import { newRequestId, toApiError, type ApiError } from '../../../services/transport';
import Notice from '../../../ui/Notice';
import { Field, SubmitButton, TextArea, TextInput, fieldError, useScrollToFirstError } from '../../../ui/form';
import { useHints } from '../../../hooks/useHints';
import { formatDay } from '../../../ui/format';
import '../../shared/sub.css';

function ObjectionForm({ noticeId }: { noticeId: string }) {
  const requestId = useRef(newRequestId());
  const [realName, setRealName] = useState('');
  const [phone, setPhone] = useState('');
  const [text, setText] = useState('');
  const { hint, check } = useHints();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useScrollToFirstError(error);
  const [done, setDone] = useState<ObjectionReceipt | null>(null);

  const submit = async () => {
    setError(null);
    const passed = check({
      realName: !/^[\u4e00-\u9fa5·]{2,15}$/.test(realName.trim()) && '异议须实名：请填写真实姓名',
      phone: !MOBILE_PHONE.test(phone.trim()) && '请填写 11 位手机号',
      text: visibleLength(text) < MIN_OBJECTION && `请写清异议的事实和理由（至少 ${MIN_OBJECTION} 个字）`,
    });
    if (!passed) return;
    setBusy(true);
    try {
      setDone(await notices.object({ noticeId, realName: realName.trim(), phone: phone.trim(), text: text.trim() }, requestId.current));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <View id='objection-success' className='notice notice--ok'>
        <Text className='notice__title'>异议已提交（{done.statusLabel}）</Text>
        <Text className='notice__text'>主管部门会核查，并通过您留的电话答复。您的姓名和电话只有处理异议的工作人员能看到。</Text>
      </View>
    );
  }

  return (
    <View id='objection-form' className='sp-form'>
      <Text className='sp-form__title'>提出异议</Text>
      <Text className='sp-small-note sp-objection-form__lead'>异议须实名。您的姓名和电话只有处理异议的工作人员能看到，不会告诉被公示人。</Text>
      <Field label='真实姓名' required error={hint.realName ?? fieldError(error, 'realName')}>
        <TextInput id='objection-name' value={realName} onChange={setRealName} maxlength={15} />
      </Field>
      <Field label='手机号' required error={hint.phone ?? fieldError(error, 'phone')}>
        <TextInput id='objection-phone' type='number' value={phone} onChange={(v) => setPhone(v.replace(/\D/g, '').slice(0, 11))} maxlength={11} />
      </Field>
      <Field label='异议内容' required hint='写清具体事实、理由，有证据的请说明' error={hint.text ?? fieldError(error, 'text')}>
        <TextArea id='objection-text' value={text} onChange={setText} maxlength={1000} />
      </Field>
      {error ? <Notice id='objection-error' tone='danger' title='没有提交成功' text={error.message} /> : null}
      <SubmitButton id='objection-submit' text='提交异议' busy={busy} onClick={() => void submit()} />
    </View>
  );
}

export default function NoticePage() {
  return (
    <DetailPage id='page-notice' heading='公示' idPrefix='notice' fetch={(id) => notices.get({ id })}>
      {(v) => (
        <>
          <Text className='sp-page-title'>{v.title}</Text>
          <View id='notice-period' className={`notice ${v.running ? 'notice--warn' : 'notice--info'}`}>
            <Text className='notice__title'>{v.running ? '正在公示' : v.status === 'open' ? '公示尚未开始' : '公示已结束'}</Text>
            <Text className='notice__text'>
              公示期：{formatDay(v.startsOn)} 至 {formatDay(v.endsOn)}
            </Text>
            {v.outcomeLabel ? <Text className='notice__text'>结果：{v.outcomeLabel}</Text> : null}
          </View>
          <View id='notice-facts' className='section'>
            <Text className='section__title'>公示对象</Text>
            <View className='section__body'>
              {v.facts.map((f) => (
                <View key={f.label} className='kv'>
                  <Text className='kv__k'>{f.label}</Text>
                  <Text className='kv__v'>{f.value}</Text>
                </View>
              ))}
            </View>
            <Text className='notice__text'>{v.body}</Text>
          </View>
          <View id='notice-channel' className='section'>
            <Text className='section__title'>异议渠道</Text>
            <Text className='notice__text'>{v.objectionChannel}</Text>
            {v.running ? <Text className='sp-small-note'>也可以在下面直接提交。</Text> : null}
          </View>
          {v.running ? <ObjectionForm noticeId={v.id} /> : <Notice id='objection-closed' tone='info' text={v.status === 'open' ? '公示开始后才能提出异议。' : '公示期已过，不能再提出异议。'} />}
        </>
      )}
    </DetailPage>
  );
}
