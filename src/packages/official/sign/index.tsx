/**
 * 服务信息公示牌 (第七条4, 第十条3): one A4 sheet with the station's public information and its
 * signed 到店评价 code, to put up in the station. The officials' PC desk (H5) prints it — the
 * print sheet (index.print.css) lays it out on exactly one A4 page. The mini-program cannot
 * print: it shows the same sign and copies the desk link to open on a PC. Reached from the
 * workbench by the station's head and officials in scope (the code call is authorised).
 */
import { Text, View } from '@tarojs/components';
import { Image } from '../../../ui/lazy-components';
import Taro, { useRouter } from '@tarojs/taro';
import { LEVEL_LABELS, SERVICE_LABELS } from '@core/station/vocabulary';
import PageShell from '../../../components/PageShell';
import { ErrorState, Skeleton } from '../../../components/StateViews';
import { useLoad } from '../../../hooks/useLoad';
import { stations, type StationDetail } from '../../../services/api';
import { ratingsAdmin } from '../../../services/ratings-admin';
import Button from '../../../ui/Button';
import { toast } from '../../../ui/dialogs';
import './index.css';

// WXSS has no print media; the H5 build alone carries the A4 print sheet.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional import of a stylesheet
if (process.env.TARO_ENV === 'h5') require('./index.print.css');

export const SIGN_PAGE = '/packages/official/sign/index';

/** The desk link of a station's sign (H5, opened on a PC); relative when the desk's origin is not configured. */
export function signLink(stationId: string): string {
  return `${DESK_ORIGIN}${SIGN_PAGE}?id=${encodeURIComponent(stationId)}`;
}

function fee(f: StationDetail['fees'][number]): string {
  return `${f.price === 0 ? '免费' : `${f.price} 元/${f.unit}`}${f.conditions ? `（${f.conditions}）` : ''}`;
}

function Sign({ s, codeSrc }: { s: StationDetail; codeSrc: string }) {
  const cert = s.certification;
  const exceptions = s.openingHours.exceptions.filter((x) => x.note).slice(0, 2);
  return (
    <View id='station-sign' className='sign'>
      <Text className='sign__kicker'>服务信息公示牌</Text>
      <Text id='sign-name' className='sign__name'>
        {s.name}
      </Text>
      <Text className='sign__meta'>
        {LEVEL_LABELS[s.level]} · 站点编码 {s.code} · {s.address}
      </Text>

      <View className='sign__grid'>
        <View className='sign__col'>
          <View className='sign__block'>
            <Text className='sign__title'>营业时间</Text>
            {s.week.map((w) => (
              <Text key={w.days} className='sign__line'>
                {w.days}{'　'}{w.text}
              </Text>
            ))}
            {exceptions.map((x) => (
              <Text key={x.date} className='sign__line sign__small'>
                {x.date} {x.intervals.length ? x.intervals.map((iv) => `${iv.open}-${iv.close}`).join('，') : '休息'}（{x.note}）
              </Text>
            ))}
          </View>
          <View className='sign__block'>
            <Text className='sign__title'>服务项目</Text>
            <Text id='sign-services' className='sign__line'>
              {s.services.map((c) => SERVICE_LABELS[c]).join('、')}
            </Text>
          </View>
          <View className='sign__block'>
            <Text className='sign__title'>收费标准</Text>
            {s.fees.length ? (
              s.fees.slice(0, 10).map((f) => (
                <Text key={f.item} className='sign__line'>
                  {f.item}：{fee(f)}
                </Text>
              ))
            ) : (
              <Text className='sign__line'>本站服务不收费</Text>
            )}
          </View>
          <View className='sign__block'>
            <Text className='sign__title'>服务承诺</Text>
            {s.commitments.slice(0, 6).map((c, i) => (
              <Text key={i} className='sign__line'>
                {i + 1}. {c}
              </Text>
            ))}
          </View>
        </View>

        <View className='sign__col sign__col--side'>
          <Image id='sign-code-image' className='sign__code' src={codeSrc} mode='aspectFit' {...{ nativeProps: { alt: `${s.name} 到店评价二维码` } }} />
          <Text className='sign__code-hint'>到店办事后，微信扫码评价本站</Text>
          <View className='sign__block'>
            <Text className='sign__title'>投诉渠道</Text>
            <Text className='sign__line'>运营单位热线：{s.operator.hotline}</Text>
            {s.complaintChannels.slice(0, 6).map((c) => (
              <Text key={`${c.kind}-${c.value}`} className='sign__line'>
                {c.label}：{c.value}
              </Text>
            ))}
          </View>
          <View id='sign-certificate' className='sign__block'>
            <Text className='sign__title'>认定证书</Text>
            {cert ? (
              <>
                <Text className='sign__line'>证书编号：{cert.certificateNo}</Text>
                <Text className='sign__line'>认定日期：{cert.certifiedOn}</Text>
                <Text className='sign__line'>认定单位：{cert.authority}</Text>
              </>
            ) : (
              <Text className='sign__line'>尚未认定</Text>
            )}
          </View>
        </View>
      </View>

      <Text className='sign__foot'>
        运营单位：{s.operator.name} · 信息核实于 {s.infoConfirmedOn} · 依据《江西省电商扶贫服务站点建设与管理规范（试行）》第七条、第十条公示
      </Text>
    </View>
  );
}

export default function SignPage() {
  const id = useRouter().params.id ?? '';
  const detail = useLoad(() => stations.get({ id }), [id]);
  const code = useLoad(() => ratingsAdmin.code({ stationId: id }), [id]);
  const failed = detail.error ?? code.error;
  const retry = () => {
    detail.reload();
    code.reload();
  };
  if (failed && !(detail.data && code.data)) {
    return (
      <PageShell id='page-sign' heading='服务信息公示牌'>
        <ErrorState id='sign-error' message={failed.message} onRetry={retry} />
      </PageShell>
    );
  }
  if (!detail.data || !code.data) {
    return (
      <PageShell id='page-sign' heading='服务信息公示牌'>
        <Skeleton id='sign-loading' rows={6} />
      </PageShell>
    );
  }
  const s = detail.data;
  const src = `data:${code.data.image.contentType};base64,${code.data.image.base64}`;
  const copy = () =>
    Taro.setClipboardData({ data: signLink(id) }).then(
      () => toast('已复制，请在电脑浏览器打开后打印'),
      () => toast('没有复制成功，请重试'),
    );
  return (
    <PageShell id='page-sign' heading='服务信息公示牌'>
    <View className='sign-page'>
      <View className='sign-page__actions'>
        {process.env.TARO_ENV === 'h5' ? (
          <Button id='btn-print-sign' className='btn btn--primary' onClick={() => window.print()}>
            打印公示牌（A4）
          </Button>
        ) : (
          <>
            <Text className='sign-page__hint'>手机不能直接打印。复制链接，在电脑浏览器打开工作台后打印（A4 一页）。</Text>
            <Button id='btn-copy-sign-link' className='btn btn--primary' onClick={copy}>
              复制电脑打印链接
            </Button>
          </>
        )}
      </View>
      <Sign s={s} codeSrc={src} />
    </View>
    </PageShell>
  );
}
