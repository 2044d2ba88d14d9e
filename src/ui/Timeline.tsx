/**
 * Every step of a complaint, oldest first: when, what, and what was said. Officials also see who
 * acted and 内部 notes (the resident's answer carries neither).
 */
import { Text, View } from '@tarojs/components';
import type { TimelineItem } from '@core/complaint/api';
import { formatDateTime } from './format';
import PhotoStrip from './PhotoStrip';
import VoicePlayer from './VoicePlayer';
import './Timeline.css';

const ROLE_TEXT: Record<string, string> = {
  resident: '投诉人',
  station_head: '站点',
  operator_staff: '运营单位',
  county_official: '县级',
  city_supervisor: '市级',
  province_admin: '省级',
  system: '系统',
  official: '主管部门',
};

export default function Timeline({ items, emptyText }: { items: TimelineItem[]; emptyText?: string }) {
  if (!items.length) return emptyText ? <Text className='text-muted'>{emptyText}</Text> : null;
  return (
    <View id='complaint-timeline' className='timeline'>
      {items.map((t, i) => (
        <View key={`${t.at}-${i}`} className={`timeline__item ${i === items.length - 1 ? 'timeline__item--last' : ''} ${t.internal ? 'timeline__item--internal' : ''}`}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <View className='timeline__head'>
              <Text className='timeline__label'>{t.label}</Text>
              {t.byRole ? <Text className='timeline__role'>{ROLE_TEXT[t.byRole] ?? '主管部门'}</Text> : null}
              {t.internal ? <Text className='badge badge--muted'>内部</Text> : null}
            </View>
            <Text className='timeline__at'>{formatDateTime(t.at)}</Text>
            {t.note ? <Text className='timeline__note'>{t.note}</Text> : null}
            {t.photos?.length ? <PhotoStrip id={`timeline-photos-${i}`} urls={t.photos} label={`${t.label}照片`} small /> : null}
            {t.voice ? <VoicePlayer id={`timeline-voice-${i}`} url={t.voice.url} seconds={t.voice.seconds} note={t.voice.pending ? '录音审核中，通过前只有您能听到' : undefined} /> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
