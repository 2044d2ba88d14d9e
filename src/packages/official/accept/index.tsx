/**
 * 我有授权码: a person an official invited (county staff, a station head, operator staff) enters
 * the one-time code they were given; the role is theirs from then on, tied to this WeChat account.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { normalizeInviteCode } from '@core/account/limits';
import PageShell from '../../../components/PageShell';
import { account } from '../../../services/account';
import { useAction } from '../../../hooks/useAction';
import Notice from '../../../ui/Notice';
import { Field, SubmitButton, TextInput, fieldError } from '../../../ui/form';
import Button from '../../../ui/Button';
import { WORKBENCH_HOME } from '../../../components/MoreEntries';
import '../../shared/sub.css';

export default function AcceptInvitePage() {
  const [code, setCode] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const [done, setDone] = useState<{ label: string; scopeLabel: string } | null>(null);
  const accept = useAction(() => account.accept({ code: normalizeInviteCode(code) }), { onDone: (r) => setDone(r) });

  const submit = () => {
    if (normalizeInviteCode(code).length !== 8) return setHint('授权码是 8 位字母和数字，请核对');
    setHint(null);
    void accept.run();
  };

  if (done) {
    return (
      <PageShell id='page-accept' heading='我有授权码'>
        <Notice id='accept-done' tone='ok' title='已开通' text={`您现在是${done.scopeLabel}的${done.label}。`} />
        <Button id='accept-open-workbench' className='btn btn--primary btn--block' onClick={() => Taro.redirectTo({ url: WORKBENCH_HOME })}>
          进入工作台
        </Button>
      </PageShell>
    );
  }
  return (
    <PageShell id='page-accept' heading='我有授权码'>
      <View id='accept-form' className='sp-form'>
        <Text className='sp-small-note'>县级主管部门、运营单位给您开通角色时，会给您一个 8 位授权码。授权码只能用一次，会和您现在的微信绑定。</Text>
        <Field label='授权码' required error={hint ?? fieldError(accept.error, 'code')}>
          <TextInput id='accept-code' value={code} onChange={setCode} maxlength={12} placeholder='例如 K7QM2XPA' />
        </Field>
        {accept.error ? <Notice id='accept-error' tone='danger' title='没有开通' text={accept.error.message} /> : null}
        <SubmitButton id='accept-submit' text='开通' busy={accept.busy} onClick={submit} />
      </View>
    </PageShell>
  );
}
