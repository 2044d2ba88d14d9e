/**
 * 认领代录的投诉: a villager who complained by phone or at the office gets a tracking number from
 * the official; with it and the call-back phone they gave, the complaint becomes theirs here, with
 * its progress and the messages from then on. Folded by default: most villagers never need it.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { complaints } from '../../services/complaints';
import { useAction } from '../../hooks/useAction';
import { SubmitButton, fieldError, useScrollToFirstError, InputField } from '../../ui/form';
import Notice from '../../ui/Notice';
import Button from '../../ui/Button';
import { CALLBACK_PHONE } from '@core/shared/limits';

export default function ClaimForm({ onClaimed }: { onClaimed: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const [trackingNo, setTrackingNo] = useState('');
  const [phone, setPhone] = useState('');
  const [hint, setHint] = useState<Record<string, string>>({});
  const claim = useAction(() => complaints.claim({ trackingNo: trackingNo.trim().toUpperCase(), phone: phone.trim() }), { onDone: (c) => onClaimed(c.id) });
  useScrollToFirstError(claim.error);

  if (!open) {
    return (
      <Button id='claim-open' className='link' onClick={() => setOpen(true)}>
        工作人员替您登记过投诉？点这里认领
      </Button>
    );
  }
  const submit = () => {
    const h: Record<string, string> = {};
    if (!/^TS\d{6}[0-9A-Z]{6}$/i.test(trackingNo.trim())) h.trackingNo = '投诉编号是 TS 开头的 14 位';
    if (!CALLBACK_PHONE.test(phone.trim())) h.phone = '请填写登记时留的电话';
    setHint(h);
    if (!Object.keys(h).length) void claim.run();
  };
  return (
    <View id='claim-form' className='section'>
      <Text className='sub-title'>认领代录的投诉</Text>
      <Text className='sp-small-note'>填工作人员告诉您的投诉编号和登记时留的电话，认领后可以在这里看进度、收到通知和评价。</Text>
      <InputField label='投诉编号' required error={hint.trackingNo ?? fieldError(claim.error, 'trackingNo')} id='claim-tracking' value={trackingNo} onChange={setTrackingNo} maxlength={14} placeholder='TS 开头，例如 TS261204AB12CD' />
      <InputField label='登记时留的电话' required error={hint.phone ?? fieldError(claim.error, 'phone')} id='claim-phone' type='number' value={phone} onChange={setPhone} maxlength={13} />
      {claim.error && !fieldError(claim.error, 'phone') ? <Notice id='claim-error' tone='danger' title='没有认领' text={claim.error.message} /> : null}
      <SubmitButton id='claim-submit' text='认领' busy={claim.busy} onClick={submit} />
    </View>
  );
}
