/**
 * 电脑登录 (officials' PC desk): a one-time code to scan with the mini-program (2 minutes, 刷新
 * for a new one), polled every 2 s; once the official confirms on the phone, the session is kept
 * and the workbench opens. A signed-in PC sees who it is and 退出登录. Locally a link opens the
 * confirm page in this H5 build as the identity chosen in 我的 (the "phone").
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import PageShell from '../../../components/PageShell';
import { WORKBENCH_HOME } from '../../../components/MoreEntries';
import { auth, type SignInStart } from '../../../services/auth';
import { listDemoIdentities, pcSession, setPcSession, type PcSession } from '../../../services/identity';
import { toApiError } from '../../../services/transport';
import { onCloudbaseWeb, signInWithTicket } from '../../../services/cloudbase-web';
import Button from '../../../ui/Button';
import Notice from '../../../ui/Notice';
import { Image } from '../../../ui/lazy-components';
import PcSignOut from '../components/PcSignOut';
import '../../shared/sub.css';
import './signin.css';
import { useDesktop } from '../../../hooks/useDesktop';

// Desk sizes for a PC window (H5 only; the mini-program keeps the phone layout).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional import of a stylesheet
if (process.env.TARO_ENV === 'h5') require('../desk/desk-page.css');

const POLL_MS = 2000;

type View_ =
  | { kind: 'loading' }
  | { kind: 'code'; start: SignInStart; confirmed: boolean }
  | { kind: 'ended'; why: 'expired' | 'cancelled' }
  | { kind: 'error'; message: string };

function left(expiresAt: string, now: number): string {
  const s = Math.max(0, Math.floor((Date.parse(expiresAt) - now) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export default function SignInPage() {
  const [session, setSession] = useState<PcSession | null>(() => pcSession());
  const [view, setView] = useState<View_>({ kind: 'loading' });
  const [now, setNow] = useState(Date.now());
  const [demo, setDemo] = useState(false);
  const seq = useRef(0);
  const desk = useDesktop();
  const shell = `sp-signin-page${desk ? ' desk-page' : ''}`;

  const fresh = () => {
    const n = ++seq.current;
    setView({ kind: 'loading' });
    auth.start().then(
      (start) => n === seq.current && setView({ kind: 'code', start, confirmed: false }),
      (e) => n === seq.current && setView({ kind: 'error', message: toApiError(e).message }),
    );
  };

  useEffect(() => {
    if (!session) fresh();
    void listDemoIdentities().then((ids) => setDemo(!!ids));
    return () => {
      seq.current++;
    };
  }, [session]);

  // Poll while a code is shown; the countdown ticks with it.
  const ticket = view.kind === 'code' ? view.start.ticket : null;
  useEffect(() => {
    if (!ticket) return;
    const n = seq.current;
    let busy = false;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const poll = setInterval(() => {
      if (busy) return;
      busy = true;
      auth.poll(ticket).then(
        (r) => {
          busy = false;
          if (n !== seq.current) return;
          if (r.state === 'signedIn') {
            const s = { token: r.session, expiresAt: r.expiresAt, roles: r.roles };
            seq.current++;
            // On CloudBase the PC's login becomes the official's (custom login) before anything else is called.
            const cloud = onCloudbaseWeb() ? (r.cloudTicket ? signInWithTicket(r.cloudTicket) : Promise.reject(new Error('no ticket'))) : Promise.resolve();
            cloud.then(
              () => {
                setPcSession(s);
                setSession(s);
                void Taro.redirectTo({ url: WORKBENCH_HOME });
              },
              () => setView({ kind: 'error', message: '登录没有完成，请刷新二维码再扫一次' }),
            );
          } else if (r.state === 'expired' || r.state === 'cancelled') {
            seq.current++;
            setView({ kind: 'ended', why: r.state });
          } else if (r.state === 'confirmed') {
            setView((v) => (v.kind === 'code' ? { ...v, confirmed: true } : v));
          }
        },
        () => {
          // A failed poll is tried again on the next tick; the countdown tells when to give up.
          busy = false;
        },
      );
    }, POLL_MS);
    return () => {
      clearInterval(tick);
      clearInterval(poll);
    };
  }, [ticket]);

  if (session) {
    return (
      <PageShell id='page-signin' heading='电脑登录' className={shell}>
        <View className='sp-signin'>
          <Text className='sp-signin__title'>站点通工作台</Text>
          <Notice id='signin-already' tone='ok' title='这台电脑已登录' text={`${session.roles.join('、') || '工作人员'}，${new Date(session.expiresAt).toLocaleString('zh-CN', { hour12: false })} 自动退出。`} />
          <Button id='signin-open-workbench' className='btn btn--primary btn--block' onClick={() => Taro.redirectTo({ url: WORKBENCH_HOME })}>
            进入工作台
          </Button>
          <PcSignOut onDone={() => setSession(null)} />
        </View>
      </PageShell>
    );
  }

  const expired = view.kind === 'code' && Date.parse(view.start.expiresAt) <= now;
  return (
    <PageShell id='page-signin' heading='电脑登录' className={shell}>
      <View className='sp-signin'>
        <Text className='sp-signin__title'>站点通工作台</Text>
        <Text className='sp-signin__lead'>用微信打开“站点通”小程序，扫描下面的二维码，在手机上确认后，这台电脑就登录了。</Text>
        {view.kind === 'loading' ? <View id='signin-loading' className='sp-signin__code sp-signin__code--empty'><Text>正在生成二维码…</Text></View> : null}
        {view.kind === 'error' ? <Notice id='signin-error' tone='danger' title='二维码没有生成' text={view.message} /> : null}
        {view.kind === 'ended' ? (
          <Notice id='signin-ended' tone='warn' title={view.why === 'cancelled' ? '手机上已取消登录' : '二维码已失效'} text='请点“刷新二维码”，再扫一次。' />
        ) : null}
        {view.kind === 'code' ? (
          <View>
            <View className='sp-signin__code'>
              <Image
                id='signin-code'
                className={`sp-signin__image${expired ? ' sp-signin__image--stale' : ''}`}
                src={`data:${view.start.code.contentType};base64,${view.start.code.base64}`}
                mode='aspectFit'
                {...{ nativeProps: { alt: '电脑登录二维码' } }}
              />
            </View>
            <Text id='signin-status' className='sp-signin__status'>
              {view.confirmed ? '已在手机上确认，正在登录…' : expired ? '二维码已失效，请刷新' : `二维码 ${left(view.start.expiresAt, now)} 后失效`}
            </Text>
          </View>
        ) : null}
        <Button id='signin-refresh' className='btn btn--secondary btn--block' onClick={fresh}>
          刷新二维码
        </Button>
        {demo && view.kind === 'code' && !expired ? (
          <View className='sp-signin__demo'>
            <Text className='sp-signin__note'>本地演示没有真的小程序：用下面的链接在本机模拟手机扫码（身份是“我的”里选的演示身份）。</Text>
            <Button
              id='signin-demo-phone'
              className='btn btn--secondary btn--block'
              onClick={() => {
                const url = `/${view.start.page}?scene=${encodeURIComponent(view.start.ticket)}`;
                if (typeof window !== 'undefined') window.open(url, '_blank');
              }}
            >
              在本机模拟手机扫码
            </Button>
          </View>
        ) : null}
        <Text className='sp-signin__note'>登录 12 小时后自动退出；用完请点“退出登录”。</Text>
      </View>
    </PageShell>
  );
}
