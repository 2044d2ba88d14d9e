/** Is this a genuine, certified station (第十一条7)? Certificate, cultivation period, warnings. */
import { Text, View } from '@tarojs/components';
import type { StationDetail } from '@core/station/api';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { notices } from '../../services/notices';
import Button from '../../ui/Button';
import Notice from '../../ui/Notice';
import { formatDate } from '../../utils/format';
import Section from './Section';

/** The open certification notice of a station 认定公示中 (found among the open notices; few are open at once). */
function NoticeLink({ stationId }: { stationId: string }) {
  const [id, setId] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void (async () => {
      let cursor: string | undefined;
      for (let i = 0; i < 5; i++) {
        const page = await notices.list({ status: 'open', limit: 50, ...(cursor ? { cursor } : {}) });
        const n = page.items.find((x) => x.kind === 'certification' && x.subjectId === stationId);
        if (n) return alive && setId(n.id);
        if (!page.nextCursor) return;
        cursor = page.nextCursor;
      }
    })().catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [stationId]);
  if (!id) return null;
  return (
    <Button id='cert-notice-link' className='btn btn--ghost btn--small btn--inline' onClick={() => void Taro.navigateTo({ url: `/packages/apply/notice/index?id=${encodeURIComponent(id)}` })}>
      查看认定公示，提出异议
    </Button>
  );
}

export default function CertificationSection({ station: s }: { station: StationDetail }) {
  const cert = s.certification;
  return (
    <Section id='section-certification' title='站点认定'>
      {s.certified && cert ? (
        <Notice id='cert-ok' tone='ok' title='✓ 已认定的电商扶贫站点，可放心办理'>
          <View className='kv'>
            <Text className='kv__k'>证书编号</Text>
            <Text id='cert-no' className='kv__v' userSelect>
              {cert.certificateNo}
            </Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>认定日期</Text>
            <Text className='kv__v'>{formatDate(cert.certifiedOn)}</Text>
          </View>
          <View className='kv'>
            <Text className='kv__k'>认定机关</Text>
            <Text className='kv__v'>{cert.authority}</Text>
          </View>
        </Notice>
      ) : (
        <Notice id='cert-warning' tone='danger' title='该站点尚未认定，不得以“电商扶贫”名义经营' text={s.status === 'notice' ? '该站点正在认定公示中，公示结束并认定后才能挂牌。' : undefined}>
          {s.status === 'notice' ? <NoticeLink stationId={s.id} /> : null}
        </Notice>
      )}
      {s.status === 'rectification' ? (
        <Notice id='rectification-warning' tone='warn' title='该站点正在整改' text='服务可能不完整，办理前请先打电话确认。' />
      ) : null}
      {s.inCultivation ? (
        <Notice id='cultivation' tone='info' title='培育期站点' text={`新认定站点有 6 个月培育期${s.cultivationEndsOn ? `，至 ${formatDate(s.cultivationEndsOn)}` : ''}。`} />
      ) : null}
    </Section>
  );
}
