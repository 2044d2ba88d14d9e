/**
 * 新建招募岗位: title, the station (or a village that needs one), requirements (第九条1),
 * the published rubric (weights sum to 100), the application window. Created as a draft;
 * the next page opens it for applications.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { addDays } from '@core/shared/time';
import PageShell from '../../../components/PageShell';
import { stations, type StationSummary } from '../../../services/api';
import { recruitment } from '../../../services/recruitment';
import { useAction } from '../../../hooks/useAction';
import VillagePicker, { type ChosenVillage } from '../../shared/VillagePicker';
import Notice from '../../../ui/Notice';
import { Choices, Field, SubmitButton, TextInput, fieldError, useScrollToFirstError } from '../../../ui/form';
import { todayShanghai } from '../../../ui/format';
import DateField from '../components/DateField';
import RubricEditor from '../components/RubricEditor';
import StationSearch from '../components/StationSearch';
import { rememberPost } from '../utils/my-posts';
import { checkRubricRows, type RubricRow } from '../utils/rubric';
import '../../shared/sub.css';
import Button from '../../../ui/Button';

const TARGETS = [
  ['station', '已有站点'],
  ['village', '还没有站点的村'],
] as const;

const DEFAULT_REQUIREMENTS = ['有较强的扶贫事业心和责任感', '具有一定的电商知识和服务技能', '熟悉当地贫困人口与扶贫产品情况'];
const DEFAULT_RUBRIC: RubricRow[] = [
  { criterion: '电商知识和技能', weight: '30' },
  { criterion: '农产品上行能力', weight: '30' },
  { criterion: '熟悉当地情况', weight: '20' },
  { criterion: '责任心和群众口碑', weight: '20' },
];

export default function NewPostPage() {
  const today = todayShanghai();
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState<'station' | 'village'>('station');
  const [station, setStation] = useState<StationSummary | null>(null);
  // Opened for a station without a head (站点整改 › 暂无负责人): that station is already chosen.
  const forStation = useRouter().params.stationId;
  useEffect(() => {
    if (!forStation) return;
    stations.get({ id: decodeURIComponent(forStation) }).then(
      (s) => {
        setStation(s);
        setTitle((t) => t || `${s.name}负责人`);
      },
      () => undefined,
    );
  }, [forStation]);
  const [village, setVillage] = useState<ChosenVillage | null>(null);
  const [requirements, setRequirements] = useState<string[]>(DEFAULT_REQUIREMENTS);
  const [rubric, setRubric] = useState<RubricRow[]>(DEFAULT_RUBRIC);
  const [opensOn, setOpensOn] = useState(today);
  const [closesOn, setClosesOn] = useState(addDays(today, 14));
  const [qualifying, setQualifying] = useState('60');
  const [hint, setHint] = useState<string | null>(null);

  const check = checkRubricRows(rubric);
  const reqs = requirements.map((r) => r.trim()).filter(Boolean);
  const create = useAction(
    () =>
      recruitment.createPost({
        title: title.trim(),
        ...(target === 'station' ? { stationId: station!.id } : { villageCode: village!.code }),
        requirements: reqs,
        rubric: check.rubric,
        opensOn,
        closesOn,
        qualifyingScore: Number(qualifying),
      }),
    {
      onDone: (post) => {
        rememberPost(post.id);
        Taro.redirectTo({ url: `/packages/official/post/index?id=${encodeURIComponent(post.id)}&created=1` });
      },
    },
  );
  const { error, busy } = create;
  useScrollToFirstError(error);

  const submit = () => {
    setHint(null);
    if (!title.trim()) return setHint('请填写岗位名称');
    if (target === 'station' && !station) return setHint('请选择站点');
    if (target === 'village' && !village) return setHint('请选择村');
    if (!reqs.length) return setHint('至少写一条任职条件');
    if (!check.ok) return setHint(check.message);
    if (closesOn < opensOn) return setHint('报名截止日期不能早于开始日期');
    const score = Number(qualifying);
    if (!/^\d{1,3}$/.test(qualifying) || score > 100) return setHint('备用库分数线应为 0 到 100');
    void create.run();
  };

  return (
    <PageShell id='page-post-new' heading='新建招募岗位'>
      <View id='post-form' className='sp-form'>
        <Field label='岗位名称' required error={fieldError(error, 'title')}>
          <TextInput id='post-title' value={title} onChange={setTitle} placeholder='如：贡江镇服务站负责人' maxlength={40} />
        </Field>

        <Field label='为哪里招' required error={fieldError(error, 'stationId') ?? fieldError(error, 'villageCode')}>
          <Choices idPrefix='post-target' options={TARGETS} value={target} onChange={setTarget} />
          {target === 'station' ? (
            <StationSearch idPrefix='post-station' value={station} onChange={setStation} />
          ) : (
            <VillagePicker idPrefix='post-village' value={village} onChange={setVillage} />
          )}
        </Field>

        <Field label='任职条件' required hint='第九条1：事业心和责任感、电商知识和服务技能、熟悉当地情况' error={fieldError(error, 'requirements')}>
          {requirements.map((r, i) => (
            <View key={i} className='sp-rubric-row'>
              <View className='sp-rubric-row__name'>
                <TextInput id={`post-req-${i}`} value={r} onChange={(v) => setRequirements(requirements.map((x, k) => (k === i ? v : x)))} maxlength={100} placeholder='一条任职条件' />
              </View>
              <Button id={`post-req-remove-${i}`} className={`btn ${requirements.length <= 1 ? 'btn--disabled' : 'btn--ghost'}`} onClick={() => requirements.length > 1 && setRequirements(requirements.filter((_, k) => k !== i))}>
                删
              </Button>
            </View>
          ))}
          {requirements.length < 10 ? (
            <Button id='btn-add-req' className='btn btn--ghost btn--block' onClick={() => setRequirements([...requirements, ''])}>
              ＋ 添加条件
            </Button>
          ) : null}
        </Field>

        <Field label='评分标准（公开比选）' required hint='报名者能看到评分项和权重；权重合计必须是 100' error={fieldError(error, 'rubric')}>
          <RubricEditor rows={rubric} onChange={setRubric} />
        </Field>

        <Field label='报名开始' required error={fieldError(error, 'opensOn')}>
          <DateField id='post-opens' value={opensOn} onChange={setOpensOn} start={today} />
        </Field>
        <Field label='报名截止' required error={fieldError(error, 'closesOn')}>
          <DateField id='post-closes' value={closesOn} onChange={setClosesOn} start={opensOn} />
        </Field>
        <Field label='备用库分数线' hint='总分达到此分数、未被选中的人进入备用库' error={fieldError(error, 'qualifyingScore')}>
          <TextInput id='post-qualifying' type='number' value={qualifying} onChange={(v) => setQualifying(v.replace(/\D/g, '').slice(0, 3))} maxlength={3} />
        </Field>

        {hint ? <Notice id='post-hint' tone='warn' text={hint} /> : null}
        {error ? <Notice id='post-error' tone='danger' title='没有保存成功' text={error.message} /> : null}
        <SubmitButton id='btn-create-post' text='保存岗位（草稿）' busy={busy} disabled={!check.ok} onClick={() => void submit()} />
        <Text className='sp-small-note'>保存后可以检查一遍，再点“开始报名”公开。</Text>
      </View>
    </PageShell>
  );
}
