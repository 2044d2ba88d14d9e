/**
 * 信息有误 on the station page: a villager says what is wrong (hours, fees, phone…) in a few words;
 * it goes to the county's review queue with the head's edits. Signed in, rate-limited and
 * content-checked on the server; the count here is of visible characters, as the server counts.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { StationDetail } from '@core/station/api';
import { REPORT_MAX, REPORT_MIN } from '@core/station/limits';
import { visibleLength } from '@core/shared/limits';
import { stations } from '../../services/api';
import { useAction } from '../../hooks/useAction';
import Button from '../../ui/Button';
import Notice from '../../ui/Notice';
import { Choices, Field, SubmitButton, TextArea, fieldError } from '../../ui/form';
import { scrollIntoView } from '../../utils/scrollIntoView';

type Topic = 'hours' | 'services' | 'fees' | 'contact' | 'address' | 'other';
const TOPICS: readonly (readonly [Topic, string])[] = [
  ['hours', '营业时间'],
  ['services', '服务项目'],
  ['fees', '收费'],
  ['contact', '电话'],
  ['address', '地址'],
  ['other', '其他'],
];

export default function InfoReport({ station }: { station: StationDetail }) {
  const [open, setOpen] = useState(false);
  const [topic, setTopic] = useState<Topic | null>(null);
  const [text, setText] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const send = useAction(() => stations.report({ stationId: station.id, topic: topic as Topic, text: text.trim() }), {
    onDone: () => setSent(true),
    onError: () => scrollIntoView('info-report'),
  });
  const submit = () => {
    setHint(null);
    if (!topic) return (setHint('请选择哪里有误'), scrollIntoView('info-report-topic'));
    if (visibleLength(text) < REPORT_MIN) return (setHint(`请写明哪里有误，至少 ${REPORT_MIN} 个字`), scrollIntoView('info-report-text'));
    void send.run();
  };
  if (sent) return <Notice id='info-report-sent' tone='ok' title='已收到，谢谢' text='县级主管部门会核实并让站点更新。' />;
  if (!open) {
    return (
      <View id='info-report' className='info-report'>
        <Button id='btn-info-report' className='btn btn--ghost btn--small btn--inline' onClick={() => setOpen(true)}>
          信息有误？告诉我们
        </Button>
      </View>
    );
  }
  return (
    <View id='info-report' className='section'>
      <Text className='section__title'>信息有误</Text>
      <View id='info-report-topic'>
        <Field label='哪里有误' required error={fieldError(send.error, 'topic')}>
          <Choices idPrefix='info-report-topic' options={TOPICS} value={topic} onChange={setTopic} label='哪里有误' />
        </Field>
      </View>
      <View id='info-report-text'>
        <Field label='正确的情况' required hint={`已写 ${visibleLength(text)} 字，至少 ${REPORT_MIN} 字`} error={fieldError(send.error, 'text')}>
          <TextArea id='info-report-input' value={text} onChange={setText} maxlength={REPORT_MAX} placeholder='例：下午两点后一直关门' />
        </Field>
      </View>
      {hint ? <Notice tone='warn' text={hint} /> : null}
      {send.error && !fieldError(send.error, 'text') && !fieldError(send.error, 'topic') ? <Notice id='info-report-error' tone='danger' text={send.error.message} /> : null}
      <SubmitButton id='btn-info-report-send' text='提交' busy={send.busy} onClick={submit} />
    </View>
  );
}
