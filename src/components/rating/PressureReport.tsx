/**
 * "被诱导好评/差评骚扰？": tell the authorities the station asked for praise in exchange for
 * something, or harassed someone over a bad rating. Goes to officials, not to the station.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ratings, type ReportInput } from '../../services/ratings';
import { useAction } from '../../hooks/useAction';
import Button from '../../ui/Button';
import { BusyButton, ErrorLine } from '../../ui/send';
import ShortTextarea from '../../ui/ShortTextarea';
import Notice from '../../ui/Notice';

const KINDS: [ReportInput['kind'], string][] = [
  ['induced_praise', '站点让我给好评（送东西、返钱或不给办事）'],
  ['harassment', '我给了差评，站点来找我麻烦'],
];

export default function PressureReport({ stationId }: { stationId: string }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ReportInput['kind'] | null>(null);
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const report = useAction((k: ReportInput['kind']) => ratings.report({ stationId, kind: k, text: text.trim() || undefined }), { onDone: () => setDone(true) });

  if (!open) {
    return (
      <Button id='btn-report-pressure' className='link' onClick={() => setOpen(true)}>
        被诱导好评/差评骚扰？
      </Button>
    );
  }
  if (done) {
    return <Notice id='rating-report' tone='ok' title='已收到，谢谢您' text='主管部门会核查。站点看不到是谁反映的。' />;
  }
  const send = () => {
    if (!kind) return report.fail('请选择是哪种情况');
    void report.run(kind);
  };
  return (
    <View id='rating-report' className='report'>
      <Text className='field__label'>遇到了哪种情况？</Text>
      {KINDS.map(([k, label]) => (
        <Button key={k} id={`report-kind-${k}`} className={`choice ${kind === k ? 'choice--on' : ''}`} onClick={() => setKind(k)}>
          <Text className='choice__mark'>{kind === k ? '●' : '○'}</Text>
          <Text>{label}</Text>
        </Button>
      ))}
      <ShortTextarea id='report-text' value={text} onChange={setText} maxlength={300} placeholder='说说经过（选填）' />
      <Text className='field__hint'>这条反映只给主管部门看，站点看不到是谁反映的。</Text>
      <ErrorLine error={report.error} />
      <View className='actions__row'>
        <BusyButton id='btn-report-send' className='btn btn--primary btn--grow mr' busy={report.busy} text='提交' onClick={send} />
        <Button id='btn-report-cancel' className='btn btn--ghost btn--grow' onClick={() => setOpen(false)}>
          取消
        </Button>
      </View>
    </View>
  );
}
