/**
 * 代录投诉 (issue 11 §2): an official enters a complaint a villager made by phone or at the office.
 * It is filed like any other, with its source; the answer is the tracking number to read back to
 * the caller, who can claim it in 我的投诉 with that number and the phone they gave.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import StationSearch from '../components/StationSearch';
import type { StationSummary } from '../../../services/api';
import { complaintsAdmin, type ComplaintCaseView } from '../../../services/complaints-admin';
import { newRequestId } from '../../../services/transport';
import { useAction } from '../../../hooks/useAction';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '@core/complaint/model';
import { MAX_DESCRIPTION, MIN_DESCRIPTION } from '@core/complaint/limits';
import { CALLBACK_PHONE, visibleLength } from '@core/shared/limits';
import { Choices, Field, SubmitButton, TextArea, TextInput, fieldError, useScrollToFirstError } from '../../../ui/form';
import { useHints } from '../../../hooks/useHints';
import { scrollIntoView } from '../../../utils/scrollIntoView';
import Notice from '../../../ui/Notice';
import Button from '../../../ui/Button';
import '../../shared/sub.css';

const CHANNELS = [
  ['phone', '电话'],
  ['visit', '来访'],
] as const;
type Channel = (typeof CHANNELS)[number][0];

export default function RecordComplaintPage() {
  const [station, setStation] = useState<StationSummary | null>(null);
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const [channel, setChannel] = useState<Channel | null>('phone');
  const [description, setDescription] = useState('');
  const [phone, setPhone] = useState('');
  const { hint, check } = useHints();
  const [requestId, setRequestId] = useState(newRequestId);
  const [made, setMade] = useState<ComplaintCaseView | null>(null);

  const record = useAction(
    () => complaintsAdmin.record({ stationId: station!.id, category: category!, description: description.trim(), phone: phone.trim(), channel: channel! }, requestId),
    {
      confirm: () => ({ title: '登记投诉', content: `替来电人登记对“${station!.name}”的投诉？登记后按正常期限办理。`, confirmText: '登记' }),
      onDone: (c) => {
        setMade(c);
        setStation(null);
        setCategory(null);
        setDescription('');
        setPhone('');
        setRequestId(newRequestId());
        setTimeout(() => scrollIntoView('record-done'), 0);
      },
    },
  );
  useScrollToFirstError(record.error);

  const submit = () => {
    const passed = check({
      stationId: !station && '请先找到被投诉的站点',
      category: !category && '请选择投诉类型',
      channel: !channel && '请选择来源',
      description: visibleLength(description.trim()) < MIN_DESCRIPTION && `请至少写 ${MIN_DESCRIPTION} 个字，记下发生了什么`,
      phone: !CALLBACK_PHONE.test(phone.trim()) && '请填写来电人的电话：认领和回访都要用',
    });
    if (!passed) return;
    setMade(null);
    void record.run();
  };

  return (
    <PageShell id='page-record' heading='代录投诉'>
      <Text className='sp-small-note'>村民打电话或到窗口反映站点问题时，在这里替他登记。登记后给他投诉编号，他可以在小程序“我的投诉”里用编号和电话认领、看进度、评价。</Text>
      {made ? (
        <View id='record-done' className='notice notice--ok'>
          <Text className='notice__title'>
            已登记，投诉编号 <Text id='record-tracking'>{made.trackingNo}</Text>
          </Text>
          <Text className='notice__text'>请把编号告诉来电人（{made.phoneMasked}）：在站点通“我的投诉 › 认领”里填编号和这个电话即可跟进。</Text>
          <Button id='record-copy' className='link' onClick={() => void Taro.setClipboardData({ data: made.trackingNo })}>
            复制编号
          </Button>
          <Button id='record-open' className='link' onClick={() => void Taro.navigateTo({ url: `/packages/official/complaint/index?id=${encodeURIComponent(made.id)}` })}>
            查看这件投诉 ›
          </Button>
        </View>
      ) : null}
      <View id='record-form' className='sp-form'>
        <Field label='来源' required error={hint.channel ?? fieldError(record.error, 'channel')}>
          <Choices idPrefix='record-channel' options={CHANNELS} value={channel} onChange={setChannel} label='来源' />
        </Field>
        <Field label='被投诉的站点' required error={hint.stationId ?? fieldError(record.error, 'stationId')}>
          <StationSearch idPrefix='record-station' value={station} onChange={setStation} />
        </Field>
        <Field label='投诉类型' required error={hint.category ?? fieldError(record.error, 'category')}>
          <Choices idPrefix='record-category' options={COMPLAINT_CATEGORIES} value={category} onChange={setCategory} label='投诉类型' />
        </Field>
        <Field label='反映的问题' required hint='按来电人的原话记录：什么时候、在哪个站点、发生了什么、希望怎么处理' error={hint.description ?? fieldError(record.error, 'description')}>
          <TextArea id='record-description' value={description} onChange={setDescription} maxlength={MAX_DESCRIPTION} />
        </Field>
        <Field label='来电人电话' required hint='只给办理人员看，对站点保密' error={hint.phone ?? fieldError(record.error, 'phone')}>
          <TextInput id='record-phone' type='number' value={phone} onChange={setPhone} maxlength={13} />
        </Field>
        {record.error && !Object.keys(record.error.fields ?? {}).length ? <Notice id='record-error' tone='danger' title='没有登记' text={record.error.message} /> : null}
        <SubmitButton id='record-submit' text='登记投诉' busy={record.busy} onClick={submit} />
      </View>
    </PageShell>
  );
}
