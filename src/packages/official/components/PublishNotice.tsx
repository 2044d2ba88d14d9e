/**
 * 发布公示 for the selected candidate: period (≥ 5 working days — the server checks and says the
 * earliest end) and the objection channel. The default end is the earliest allowed one.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { WorkCalendar } from '@core/calendar/workdays';
import { earliestEnd, MIN_NOTICE_WORKDAYS } from '@core/notice/model';
import { notices } from '../../../services/notices';
import type { PublicPost } from '../../../services/recruitment';
import type { ApiError } from '../../../services/transport';
import { useAction } from '../../../hooks/useAction';
import Notice from '../../../ui/Notice';
import { Field, SubmitButton, TextInput, fieldError, useScrollToFirstError } from '../../../ui/form';
import { todayShanghai } from '../../../ui/format';
import DateField from './DateField';

/** Published today: a start date of today does not count as a day (core/notice/model.ts firstCountedDay). */
export function defaultEnd(startsOn: string, today: string = todayShanghai()): string {
  return earliestEnd(startsOn, new WorkCalendar(), today).date;
}

export default function PublishNotice({ post, candidate, onPublished, onConflict }: { post: PublicPost; candidate: string; onPublished: (message: string) => void; onConflict: (e: ApiError) => void }) {
  const today = todayShanghai();
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState(() => defaultEnd(today, today));
  const [channel, setChannel] = useState('');
  const [hint, setHint] = useState<string | null>(null);

  const changeStart = (v: string) => {
    setStartsOn(v);
    if (endsOn < defaultEnd(v, today)) setEndsOn(defaultEnd(v, today));
  };

  const publish = useAction(() => notices.publish({ postId: post.id, version: post.version, startsOn, endsOn, objectionChannel: channel.trim() }), {
    onDone: (n) => onPublished(n.provisional ? '公示已发布。注意：公示期跨越的年份节假日未录入，工作日暂按周末计算。' : '公示已发布'),
    onConflict,
  });
  const { busy, error } = publish;
  useScrollToFirstError(error);
  const submit = () => {
    setHint(null);
    if (!channel.trim()) return setHint('请填写异议受理渠道（单位、电话或地址）');
    void publish.run();
  };

  return (
    <View id='notice-form' className='section'>
      <Text className='section__title'>发布任用公示</Text>
      <Text className='sp-small-note'>
        拟任用：{candidate}。公示不少于 {MIN_NOTICE_WORKDAYS} 个工作日，公示内容为姓名、性别、年龄、所在村和拟任岗位，不含身份证号和电话。
      </Text>
      <View className='section__body'>
        <Field label='公示开始' required error={fieldError(error, 'startsOn')}>
          <DateField id='notice-start' value={startsOn} onChange={changeStart} start={today} />
        </Field>
        <Field label='公示结束' required hint={`最早 ${defaultEnd(startsOn, today)}（按 ${MIN_NOTICE_WORKDAYS} 个工作日计算${startsOn === today ? '，发布当天不计入' : ''}）`} error={fieldError(error, 'endsOn')}>
          <DateField id='notice-end' value={endsOn} onChange={setEndsOn} start={startsOn} />
        </Field>
        <Field label='异议受理渠道' required hint='群众可以通过这里实名反映问题，也可以在小程序里直接提异议' error={fieldError(error, 'objectionChannel')}>
          <TextInput id='notice-channel' value={channel} onChange={setChannel} maxlength={100} placeholder='如：于都县商务局 0797-6221234（工作日）' />
        </Field>
        {hint ? <Notice id='notice-hint' tone='warn' text={hint} /> : null}
        {error ? <Notice id='notice-error' tone='danger' title='没有发布成功' text={error.message} /> : null}
        <SubmitButton id='btn-publish-notice' text='发布公示' busy={busy} onClick={() => void submit()} />
      </View>
    </View>
  );
}
