/** A post for applicants: requirements, the published rubric with weights, the window, and public results after selection. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import DetailPage from '../components/DetailPage';
import { recruitment } from '../../../services/recruitment';
import Notice from '../../../ui/Notice';
import { formatDay } from '../../../ui/format';
import '../../shared/sub.css';
import Button from '../../../ui/Button';
import BulletList from '../../../ui/BulletList';

export default function ApplyPostPage() {
  return (
    <DetailPage id='page-apply-post' heading='招募岗位' idPrefix='post' fetch={(id) => recruitment.post({ id })}>
      {(v) => (
        <>
          <Text className='sp-page-title'>{v.title}</Text>
          <Text className='sp-lead'>{v.stationName ?? (v.villageName ? `${v.villageName}（新设站点）` : '')}</Text>
          <View id='post-window' className={`notice ${v.open ? 'notice--ok' : 'notice--info'}`}>
            <Text className='notice__title'>{v.open ? '正在报名' : v.status === 'open' ? '不在报名时间' : v.statusLabel}</Text>
            <Text className='notice__text'>
              报名时间：{formatDay(v.opensOn)} 至 {formatDay(v.closesOn)}
            </Text>
          </View>
          {v.open ? (
            <View className='actions'>
              <Button id='btn-apply' className='btn btn--primary btn--big btn--block' onClick={() => Taro.navigateTo({ url: `/packages/apply/form/index?postId=${encodeURIComponent(v.id)}` })}>
                我要报名
              </Button>
            </View>
          ) : null}

          <View id='post-requirements' className='section'>
            <Text className='section__title'>任职条件</Text>
            <BulletList items={v.requirements} />
            <Text className='sp-small-note'>优先考虑当地有农产品销售能力的商协会、合作社、涉农企业负责人、个体户和本地村民。</Text>
          </View>

          <View id='post-rubric' className='section'>
            <Text className='section__title'>怎么评（公开比选）</Text>
            <Text className='sp-small-note'>评审按下面各项打分，按权重算总分，总分高的优先。</Text>
            <View className='section__body'>
              {v.rubric.map((r) => (
                <View key={r.criterion} className='sp-bar-row'>
                  <View className='sp-bar-row__head'>
                    <Text className='sp-bar-row__label'>{r.criterion}</Text>
                    <Text className='sp-bar-row__value'>占 {r.weight}%</Text>
                  </View>
                  <View className='sp-bar'>
                    <View className='sp-bar__fill' style={{ width: `${r.weight}%` }} />
                  </View>
                </View>
              ))}
            </View>
          </View>

          {v.results ? (
            <View id='post-results' className='section'>
              <Text className='section__title'>比选结果</Text>
              <Text className='sp-small-note'>只公开姓名和总分。</Text>
              <View className='section__body'>
                {v.results.map((r) => (
                  <View key={`${r.rank}-${r.name}`} className='sp-results__row'>
                    <Text className={`sp-rank ${r.selected ? 'sp-rank--1' : ''}`}>{r.rank}</Text>
                    <Text className='sp-results__name'>
                      {r.name}
                      {r.selected ? '（拟任用）' : ''}
                    </Text>
                    <Text className='sp-results__total'>{r.total} 分</Text>
                  </View>
                ))}
              </View>
            </View>
          ) : null}
          {v.noticeId ? (
            <View className='actions'>
              <Button id='btn-notice' className='btn btn--secondary btn--block' onClick={() => Taro.navigateTo({ url: `/packages/apply/notice/index?id=${encodeURIComponent(v.noticeId!)}` })}>
                查看任用公示
              </Button>
            </View>
          ) : null}
          {v.status === 'cancelled' ? <Notice tone='warn' text='这个岗位已取消。' /> : null}
        </>
      )}
    </DetailPage>
  );
}
