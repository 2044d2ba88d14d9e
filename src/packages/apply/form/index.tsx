/**
 * 报名 (自主报名): basic facts, the village, the ID number behind its own consent step, background
 * and a statement. The request id is made once per form, so a retry after a network failure
 * cannot file the application twice.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { checkIdNumber } from '@core/recruitment/idcard';
import { BACKGROUNDS, EDUCATION, EDUCATION_LABELS, type Background, type Education } from '@core/recruitment/model';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { recruitment } from '../../../services/recruitment';
import { newRequestId, toApiError, type ApiError } from '../../../services/transport';
import { useLoad } from '../../../hooks/useLoad';
import VillagePicker, { type ChosenVillage } from '../../shared/VillagePicker';
import Notice from '../../../ui/Notice';
import { Choices, Field, SubmitButton, TextArea, TextInput, scrollToFirstError, useScrollToFirstError } from '../../../ui/form';
import { todayShanghai } from '../../../ui/format';
import IdConsent from '../components/IdConsent';
import { validateApplication, type ApplyDraft, type ApplyErrors } from './validate';
import '../../shared/sub.css';
import Button from '../../../ui/Button';

const GENDERS = [
  ['male', '男'],
  ['female', '女'],
] as const;
const EDUCATIONS = EDUCATION.map((e) => [e, EDUCATION_LABELS[e]] as const);

type Receipt = Awaited<ReturnType<typeof recruitment.apply>>;

export default function ApplyFormPage() {
  const router = useRouter();
  const postId = router.params.postId ?? '';
  const post = useLoad(() => recruitment.post({ id: postId }), [postId]);
  const requestId = useRef(newRequestId());
  const [d, setD] = useState<ApplyDraft>({
    name: '',
    gender: null,
    birthYear: '',
    phone: '',
    villageCode: null,
    idConsent: false,
    idNumber: '',
    background: null,
    education: null,
    skills: '',
    productExperience: '',
    statement: '',
  });
  const [village, setVillage] = useState<ChosenVillage | null>(null);
  const [errors, setErrors] = useState<ApplyErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Receipt | null>(null);

  const set = <K extends keyof ApplyDraft>(k: K, v: ApplyDraft[K]) => {
    setD((prev) => ({ ...prev, [k]: v }));
    if (errors[k]) setErrors((prev) => ({ ...prev, [k]: undefined }));
  };

  const setId = (v: string) => {
    set('idNumber', v);
    // Fill gender and birth year from a valid number when they are still empty.
    const id = checkIdNumber(v, todayShanghai());
    if (id.ok) {
      setD((prev) => ({ ...prev, idNumber: v, gender: prev.gender ?? id.gender, birthYear: prev.birthYear || String(id.birthYear) }));
    }
  };

  useScrollToFirstError(error);

  const serverField = (name: string) => error?.fields[`data.${name}`] ?? error?.fields[name];
  const err = (k: keyof ApplyDraft) => errors[k] ?? serverField(k);

  const submit = async () => {
    const found = validateApplication(d, todayShanghai());
    setErrors(found);
    setError(null);
    if (Object.keys(found).length) return scrollToFirstError();
    setBusy(true);
    try {
      const receipt = await recruitment.apply(
        {
          postId,
          name: d.name.trim(),
          gender: d.gender!,
          birthYear: Number(d.birthYear),
          idNumber: d.idNumber.trim(),
          idConsent: true,
          phone: d.phone.trim(),
          villageCode: d.villageCode!,
          background: d.background as Background,
          education: d.education as Education,
          skills: d.skills.trim(),
          productExperience: d.productExperience.trim(),
          statement: d.statement.trim(),
        },
        requestId.current,
      );
      setDone(receipt);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const problems = Object.values(errors).filter(Boolean).length;
  const p = post.data;

  if (done) {
    return (
      <PageShell id='page-apply-form' heading='报名'>
        <View id='apply-success' className='notice notice--ok'>
          <Text className='notice__title'>报名成功</Text>
          <Text className='notice__text'>{p ? `岗位：${p.title}` : ''}</Text>
          <Text className='notice__text'>姓名：{done.name}</Text>
          <Text className='notice__text'>身份证：{done.idMasked}</Text>
          <Text className='notice__text'>电话：{done.phoneMasked}</Text>
          <Text className='notice__text'>报名截止后评审打分，结果和公示会在这里公布。报名截止前可以在“我的报名”里撤回。</Text>
        </View>
        <View className='actions'>
          <Button id='btn-to-mine' className='btn btn--primary btn--block' onClick={() => Taro.redirectTo({ url: '/packages/apply/mine/index' })}>
            查看我的报名
          </Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell id='page-apply-form' heading='报名'>
      {!p && post.status === 'loading' ? <Skeleton id='form-loading' rows={2} /> : null}
      {!p && post.status === 'error' ? <ErrorState id='form-error' message={post.error?.message ?? '加载失败'} onRetry={post.reload} /> : null}
      {p && !p.open ? <EmptyState id='form-closed' text={p.status === 'open' ? `现在不在报名时间内（${p.opensOn} 至 ${p.closesOn}）` : `这个岗位的报名已结束（${p.statusLabel}）`} actionText='返回' onAction={() => Taro.navigateBack()} /> : null}
      {p && p.open ? (
        <View id='apply-form'>
          <Text className='sp-page-title'>{p.title}</Text>
          <Text className='sp-lead'>带 * 的必须填写。身份证号和电话加密保存，不会公开。</Text>

          <View className='sp-form'>
            <Text className='sp-form__title'>1. 基本情况</Text>
            <Field label='姓名' required error={err('name')}>
              <TextInput id='apply-name' value={d.name} onChange={(v) => set('name', v)} maxlength={15} placeholder='与身份证一致' />
            </Field>
            <Field label='性别' required error={err('gender')}>
              <Choices idPrefix='apply-gender' options={GENDERS} value={d.gender} onChange={(v) => set('gender', v)} />
            </Field>
            <Field label='出生年份' required error={err('birthYear')}>
              <TextInput id='apply-birth-year' type='number' value={d.birthYear} onChange={(v) => set('birthYear', v.replace(/\D/g, '').slice(0, 4))} maxlength={4} placeholder='如 1988' />
            </Field>
            <Field label='手机号' required hint='只给评审工作人员联系您用' error={err('phone')}>
              <TextInput id='apply-phone' type='number' value={d.phone} onChange={(v) => set('phone', v.replace(/\D/g, '').slice(0, 11))} maxlength={11} placeholder='11 位手机号' />
            </Field>
            <Field label='所在村' required error={err('villageCode')}>
              <VillagePicker
                idPrefix='apply-village'
                value={village}
                onChange={(v) => {
                  setVillage(v);
                  set('villageCode', v.code);
                }}
              />
            </Field>
          </View>

          <View className='sp-form'>
            <Text className='sp-form__title'>2. 身份证号</Text>
            <IdConsent consented={d.idConsent} onConsent={(on) => set('idConsent', on)} idNumber={d.idNumber} onIdNumber={setId} error={err('idNumber')} />
            {err('idConsent') ? (
              <Text id='apply-consent-error' className='sp-field__error'>
                {err('idConsent')}
              </Text>
            ) : null}
          </View>

          <View className='sp-form'>
            <Text className='sp-form__title'>3. 能力和经历</Text>
            <Field label='身份背景' required error={err('background')}>
              <Choices idPrefix='apply-background' options={BACKGROUNDS} value={d.background} onChange={(v) => set('background', v)} />
            </Field>
            <Field label='文化程度' required error={err('education')}>
              <Choices idPrefix='apply-education' options={EDUCATIONS} value={d.education} onChange={(v) => set('education', v)} />
            </Field>
            <Field label='电商技能' required hint='如：开网店、直播带货、拍照修图、会用快递系统' error={err('skills')}>
              <TextArea id='apply-skills' value={d.skills} onChange={(v) => set('skills', v)} maxlength={300} />
            </Field>
            <Field label='农产品经验' required hint='卖过或熟悉哪些本地农产品' error={err('productExperience')}>
              <TextArea id='apply-products' value={d.productExperience} onChange={(v) => set('productExperience', v)} maxlength={300} />
            </Field>
            <Field label='个人陈述' required hint='为什么想当站点负责人，打算怎么做' error={err('statement')}>
              <TextArea id='apply-statement' value={d.statement} onChange={(v) => set('statement', v)} maxlength={1000} />
            </Field>
          </View>

          <View className='sp-form'>
            {problems ? <Notice id='apply-problems' tone='warn' text={`有 ${problems} 处需要修改，请看上面红字`} /> : null}
            {error ? <Notice id='apply-error' tone='danger' title='没有报上名' text={error.message} /> : null}
            <SubmitButton id='apply-submit' text='提交报名' busy={busy} onClick={() => void submit()} />
            <Text className='sp-small-note'>提交即表示您确认填写的信息真实。</Text>
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
