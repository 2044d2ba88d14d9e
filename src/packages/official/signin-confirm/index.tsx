/**
 * 确认电脑登录: opened by scanning the code on the officials' PC sign-in page (weapp: `scene`;
 * H5, where a local page plays the phone: `?scene=`). Shows what is being signed in and asks
 * first; only 确认登录 signs the PC in, as this official, for 12 hours.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import { ErrorState, Skeleton } from '../../../components/StateViews';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import { auth } from '../../../services/auth';
import Button from '../../../ui/Button';
import Notice from '../../../ui/Notice';
import { param } from '../../../utils/params';
import '../../shared/sub.css';
import './signin-confirm.css';

const CODE = /^[\w-]{32}$/;
const GONE = '二维码已失效，请在电脑上刷新后重新扫码。';

export default function SignInConfirmPage() {
  const router = useRouter();
  const ticket = param(router.params.scene) || param(router.params.ticket);
  const valid = CODE.test(ticket);
  const info = useLoad(() => (valid ? auth.inspect(ticket) : Promise.resolve(null)), [ticket]);
  const [done, setDone] = useState<'confirmed' | 'cancelled' | null>(null);
  const decide = useAction((approve: boolean) => auth.confirm(ticket, approve), { onDone: (r) => setDone(r.state) });

  const leave = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.reLaunch({ url: '/pages/index/index' });
  };

  let body;
  if (!valid) {
    body = <Notice id='signin-confirm-gone' tone='warn' title='二维码不对' text='请用站点通小程序扫描电脑上的登录二维码。' />;
  } else if (done === 'confirmed') {
    body = <Notice id='signin-confirm-done' tone='ok' title='已确认登录' text='电脑上马上进入工作台。用完请在电脑上点“退出登录”。' />;
  } else if (done === 'cancelled') {
    body = <Notice id='signin-confirm-cancelled' tone='info' title='已取消' text='电脑没有登录。' />;
  } else if (info.status === 'loading' && !info.data) {
    body = <Skeleton id='signin-confirm-loading' rows={2} />;
  } else if (info.status === 'error' && !info.data) {
    body = <ErrorState id='signin-confirm-error' message={info.error?.message ?? '加载失败'} onRetry={info.reload} />;
  } else if (info.data && !info.data.allowed) {
    body = <Notice id='signin-confirm-forbidden' tone='warn' title='不能登录电脑工作台' text='电脑工作台只供主管部门、运营单位和站点负责人使用。' />;
  } else if (info.data && info.data.state !== 'pending') {
    body = <Notice id='signin-confirm-gone' tone='warn' title='二维码已失效' text={GONE} />;
  } else if (info.data) {
    const who = info.data.roles.join('、');
    body = (
      <View id='signin-confirm' className='sp-form sp-confirm'>
        <Text id='signin-confirm-question' className='sp-confirm__question'>
          在电脑上登录站点通工作台？
        </Text>
        <Text className='sp-confirm__note'>{`登录后，这台电脑可以用您的身份（${who}）处理工作，12 小时后自动退出。不是您本人在电脑前扫码，请点“取消”。`}</Text>
        {decide.error ? <Notice id='signin-confirm-failed' tone='danger' title='没有登录' text={decide.error.message} /> : null}
        <Button id='signin-confirm-yes' className='btn btn--primary btn--block' disabled={decide.busy} onClick={() => void decide.run(true)}>
          {decide.busy && decide.pending?.[0] === true ? '正在登录…' : '确认登录'}
        </Button>
        <Button id='signin-confirm-no' className='btn btn--secondary btn--block' disabled={decide.busy} onClick={() => void decide.run(false)}>
          取消
        </Button>
      </View>
    );
  }

  return (
    <PageShell id='page-signin-confirm' heading='电脑登录'>
      {body}
      {done || !valid || (info.data && (info.data.state !== 'pending' || !info.data.allowed)) ? (
        <Button id='signin-confirm-close' className='btn btn--secondary btn--block' onClick={leave}>
          返回
        </Button>
      ) : null}
    </PageShell>
  );
}
