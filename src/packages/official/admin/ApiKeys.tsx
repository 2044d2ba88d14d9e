/**
 * 接口密钥 (province administrator): keys for 12345 hotline platforms that pass complaints on over
 * Open311 (docs/cloudbase.md). A key is shown once, right after it is made; the list shows names
 * and dates only. Revoking asks first: the platform stops at once.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { account, type ApiKeyIssued, type ApiKeyItem } from '../../../services/account';
import { useLoad } from '../../../hooks/useLoad';
import { useAction } from '../../../hooks/useAction';
import { ErrorState, Skeleton } from '../../../components/StateViews';
import { Field, SubmitButton, TextInput, fieldError, useScrollToFirstError } from '../../../ui/form';
import { toast } from '../../../ui/dialogs';
import { scrollIntoView } from '../../../utils/scrollIntoView';
import Notice from '../../../ui/Notice';
import Button from '../../../ui/Button';

export default function ApiKeys() {
  const keys = useLoad(() => account.apiKeys(), []);
  const [name, setName] = useState('');
  const [hint, setHint] = useState('');
  const [issued, setIssued] = useState<ApiKeyIssued | null>(null);
  const issue = useAction(() => account.issueApiKey({ name: name.trim() }), {
    onDone: (k) => {
      setIssued(k);
      setName('');
      keys.reload();
      setTimeout(() => scrollIntoView('apikey-issued'), 0);
    },
  });
  useScrollToFirstError(issue.error);
  const revoke = useAction((k: ApiKeyItem) => account.revokeApiKey({ id: k.id }), {
    confirm: (k) => ({ title: '停用密钥', content: `停用“${k.name}”的密钥？停用后该平台立即不能再提交投诉。`, confirmText: '停用' }),
    onDone: () => {
      toast('已停用', 'success');
      keys.reload();
    },
    onError: (err) => toast(err.message),
  });

  const submit = () => {
    if (name.trim().length < 2) {
      setHint('请写明谁使用这个密钥，例如：赣州市 12345 热线平台');
      return;
    }
    setHint('');
    setIssued(null);
    void issue.run();
  };

  return (
    <View id='apikeys' className='sp-form'>
      <Text className='sp-form__title'>接口密钥</Text>
      <Text className='sp-small-note'>12345 热线平台通过 Open311 接口转来投诉时使用。每个平台一个密钥，只在生成时显示一次，请当面或加密交给对方技术人员。</Text>
      <Field label='使用单位' required error={hint || fieldError(issue.error, 'name')}>
        <TextInput id='apikey-name' value={name} onChange={setName} maxlength={30} placeholder='如：赣州市 12345 热线平台' />
      </Field>
      {issue.error ? <Notice id='apikey-error' tone='danger' title='没有生成' text={issue.error.message} /> : null}
      {issued ? (
        <View id='apikey-issued' className='notice notice--info'>
          <Text className='notice__title'>{issued.name}的密钥</Text>
          <Text id='apikey-value' className='notice__text sp-mono' selectable>
            {issued.key}
          </Text>
          <Text className='notice__text'>只显示这一次。离开本页后无法再查看，丢失请停用后重新生成。</Text>
          <Button id='apikey-copy' className='link' onClick={() => void Taro.setClipboardData({ data: issued.key })}>
            复制密钥
          </Button>
        </View>
      ) : null}
      <SubmitButton id='apikey-submit' text='生成密钥' busy={issue.busy} onClick={submit} />
      {keys.status === 'loading' && !keys.data ? <Skeleton id='apikeys-loading' rows={1} /> : null}
      {keys.status === 'error' && !keys.data ? <ErrorState id='apikeys-load-error' message={keys.error?.message ?? '加载失败'} onRetry={keys.reload} /> : null}
      {keys.data && !keys.data.items.length ? <Text id='apikeys-empty' className='sp-small-note'>还没有密钥。</Text> : null}
      {keys.data?.items.map((k) => (
        <View key={k.id} id={`apikey-${k.id}`} className='sp-item'>
          <Text className='sp-item__title'>{k.name}</Text>
          <Text className='sp-item__line'>
            {k.createdOn} 生成{k.active ? ' · 使用中' : ` · ${k.revokedOn} 已停用`}
          </Text>
          {k.active ? (
            <Button id={`apikey-revoke-${k.id}`} className='link' onClick={() => void revoke.run(k)}>
              停用
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
