/**
 * 到店评价二维码 for one station (README "到店评价"): the station head or an official shows it,
 * prints it (H5) or saves it to the phone's album (weapp) to put up at the counter. A resident who
 * scans it rates with proof of the visit.
 */
import { Text, View } from '@tarojs/components';
import { Image } from '../../../ui/lazy-components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import SearchBox from '../../../components/SearchBox';
import { ErrorState, Skeleton } from '../../../components/StateViews';
import { useLoad } from '../../../hooks/useLoad';
import { stations as stationsApi, type StationSummary } from '../../../services/api';
import { ratingsAdmin } from '../../../services/ratings-admin';
import Button from '../../../ui/Button';
import { toast } from '../../../ui/dialogs';
import './StationCode.css';

// WXSS has no print media; the H5 build alone carries the print sheet (the branch is dropped at build time).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional import of a stylesheet
if (process.env.TARO_ENV === 'h5') require('./StationCode.print.css');

/** 服务信息公示牌 of the station, with this code on it (第七条4, 第十条3). */
const SIGN_PAGE = '/packages/official/sign/index';

/** weapp: the image goes through a file in the user data folder to the album. */
async function saveToAlbum(base64: string): Promise<void> {
  const env = (Taro as unknown as { env?: { USER_DATA_PATH?: string } }).env;
  const filePath = `${env?.USER_DATA_PATH ?? ''}/station-code.png`;
  await new Promise<void>((resolve, reject) => Taro.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: () => resolve(), fail: reject }));
  await Taro.saveImageToPhotosAlbum({ filePath });
}

function CodeView({ station }: { station: { id: string; name: string } }) {
  const code = useLoad(() => ratingsAdmin.code({ stationId: station.id }), [station.id]);
  const [saving, setSaving] = useState(false);
  const src = code.data ? `data:${code.data.image.contentType};base64,${code.data.image.base64}` : '';
  const save = () => {
    if (!code.data || saving) return;
    setSaving(true);
    saveToAlbum(code.data.image.base64).then(
      () => toast('已保存到相册', 'success'),
      () => toast('没有保存。请允许保存到相册，或长按图片保存'),
    ).finally(() => setSaving(false));
  };
  if (code.status === 'loading' && !code.data) return <Skeleton id='station-code-loading' rows={1} />;
  if (code.status === 'error' && !code.data) return <ErrorState id='station-code-error' message={code.error?.message ?? '二维码暂时取不到'} onRetry={code.reload} />;
  return (
    <View id='station-code' className='station-code'>
      <Text className='station-code__name'>{station.name}</Text>
      <Image id='station-code-image' className='station-code__image' src={src} mode='aspectFit' showMenuByLongpress {...{ nativeProps: { alt: `${station.name} 到店评价二维码` } }} />
      <Text className='station-code__hint'>到店办事后，用微信扫一扫，给本站打分</Text>
      <View className='station-code__actions'>
        <Button id='btn-open-sign' className='btn btn--block' onClick={() => Taro.navigateTo({ url: `${SIGN_PAGE}?id=${encodeURIComponent(station.id)}` })}>
          {process.env.TARO_ENV === 'h5' ? '服务信息公示牌（A4 打印）' : '服务信息公示牌（在电脑上打印）'}
        </Button>
        {process.env.TARO_ENV === 'h5' ? (
          <Button id='btn-print-code' className='btn btn--primary btn--block' onClick={() => window.print()}>
            打印二维码
          </Button>
        ) : (
          <Button id='btn-save-code' className='btn btn--primary btn--block' disabled={saving} onClick={save}>
            {saving ? '正在保存…' : '保存到相册'}
          </Button>
        )}
      </View>
    </View>
  );
}

/** Officials pick one of the stations in their area by name; heads get their own station(s). */
export default function StationCode({ own }: { own: { id: string; name: string }[] }) {
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(own.length === 1 ? own[0] : null);
  const [q, setQ] = useState('');
  const found = useLoad(() => (q ? stationsApi.search({ q, limit: 10 }).then((p) => p.items) : Promise.resolve([] as StationSummary[])), [q]);
  const choices = own.length ? own : (found.data ?? []).map((s) => ({ id: s.id, name: s.name }));
  return (
    <View id='station-code-section' className='section'>
      <Text className='section__title'>到店评价二维码</Text>
      <Text className='sp-small-note'>打印后贴在柜台：群众到店办事后扫码评价，评价才算“到店”。</Text>
      {own.length !== 1 ? (
        <View className='section__body'>
          {own.length ? null : <SearchBox value={q} onSearch={setQ} placeholder='输入站点名或拼音首字母' />}
          {choices.map((s) => (
            <Button key={s.id} id={`code-station-${s.id}`} role='radio' checked={picked?.id === s.id} className={`chip ${picked?.id === s.id ? 'chip--on' : ''}`} onClick={() => setPicked(s)}>
              {s.name}
            </Button>
          ))}
          {q && found.status === 'ready' && !choices.length ? <Text className='text-muted'>没有找到这个站点</Text> : null}
        </View>
      ) : null}
      {picked ? <CodeView station={picked} /> : null}
    </View>
  );
}
