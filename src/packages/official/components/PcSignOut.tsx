/**
 * 退出登录 for a PC signed in by scanning (H5 only; nothing shows without a PC session): the
 * session is revoked on the server, forgotten here, and the sign-in page opens.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { auth } from '../../../services/auth';
import { pcSession, setPcSession } from '../../../services/identity';
import { toApiError } from '../../../services/transport';
import { onCloudbaseWeb, signOutCloudbase } from '../../../services/cloudbase-web';
import Button from '../../../ui/Button';
import Notice from '../../../ui/Notice';
import './PcSignOut.css';

export const SIGNIN_PAGE = '/packages/official/signin/index';

/** `line`: the workbench's row (what this PC is, and the button); otherwise the button alone. */
export default function PcSignOut({ onDone, line = false }: { onDone?: () => void; line?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const session = pcSession();
  if (!session) return null;
  const signOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await auth.signOut(session.token);
    } catch (e) {
      const err = toApiError(e);
      // Already ended on the server: nothing left to end.
      if (err.code !== 'UNAUTHENTICATED') {
        setBusy(false);
        setError(err.message);
        return;
      }
    }
    setPcSession(null);
    // The CloudBase login (custom login) ends too; the session above is what every call checks.
    if (onCloudbaseWeb()) await signOutCloudbase().catch(() => undefined);
    setBusy(false);
    if (onDone) onDone();
    else void Taro.redirectTo({ url: SIGNIN_PAGE });
  };
  const button = (
    <Button id='pc-signout' className={`btn btn--secondary${line ? '' : ' btn--block'}`} disabled={busy} onClick={() => void signOut()}>
      {busy ? '正在退出…' : '退出登录'}
    </Button>
  );
  return (
    <>
      {error ? <Notice id='pc-signout-error' tone='danger' title='没有退出' text={error} /> : null}
      {line ? (
        <View id='pc-session' className='sp-pc-session'>
          <Text className='sp-pc-session__text'>这台电脑是扫码登录的，12 小时内有效；用完请退出。</Text>
          {button}
        </View>
      ) : (
        button
      )}
    </>
  );
}
