/**
 * 角色与节假日 (officials): grant and revoke roles within one's own region (every change is
 * audited on the server), and — for the province administrator — enter a year's public holidays
 * and make-up working days, which the complaint deadlines need for years the built-in calendar
 * does not know.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import { ErrorState, Skeleton } from '../../../components/StateViews';
import { account, type BindingItem, type InviteMade } from '../../../services/account';
import type { StationSummary } from '../../../services/api';
import { INVITE_DAYS } from '@core/account/limits';
import StationSearch from '../components/StationSearch';
import VillagePicker from '../../shared/VillagePicker';
import { formatDateTime, formatDay } from '../../../ui/format';
import { useLoad } from '../../../hooks/useLoad';
import { usePagedList } from '../../../hooks/usePagedList';
import ListFooter from '../../../ui/ListFooter';
import Notice from '../../../ui/Notice';
import { Choices, Field, SubmitButton, TextArea, TextInput, fieldError, useScrollToFirstError } from '../../../ui/form';
import { useHints } from '../../../hooks/useHints';
import { toast } from '../../../ui/dialogs';
import { scrollIntoView } from '../../../utils/scrollIntoView';
import { useAction } from '../../../hooks/useAction';
import type { Role, Scope } from '@core/authz/roles';
import '../../shared/sub.css';
import Button from '../../../ui/Button';
import ApiKeys from './ApiKeys';
import Undelivered from './Undelivered';

const GRANTABLE: readonly (readonly [Role, string])[] = [
  ['station_head', '站点负责人'],
  ['operator_staff', '运营单位'],
  ['county_official', '县级主管部门'],
  ['city_supervisor', '设区市主管部门'],
];

/** "2027-01-01 2027-02-05，2027-02-06" → sorted unique dates (the server checks each). */
export function parseDates(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).map((d) => d.trim()).filter(Boolean))].sort();
}

/** What the granter chose for the role's scope, in names (the server gets the codes). */
export interface ChosenScope {
  scope: Scope;
  label: string;
}

const SCOPE_PROMPT: Record<string, string> = {
  station_head: '管哪个站点',
  operator_staff: '哪个运营单位',
  county_official: '管哪个县（市、区）',
  city_supervisor: '管哪个设区市',
};

/** Station by search, region by picking city › county, operator by its full name. */
function ScopeChooser({ role, value, onChange }: { role: Role; value: ChosenScope | null; onChange: (s: ChosenScope | null) => void }) {
  const [operator, setOperator] = useState('');
  if (role === 'station_head') {
    const chosen = value?.scope.kind === 'station' ? ({ id: value.scope.stationId, name: value.label } as StationSummary) : null;
    return <StationSearch idPrefix='grant-station' value={chosen} onChange={(st) => onChange(st ? { scope: { kind: 'station', stationId: st.id }, label: st.name } : null)} />;
  }
  if (role === 'operator_staff') {
    return (
      <TextInput
        id='grant-operator'
        value={operator}
        placeholder='运营单位全称'
        maxlength={60}
        onChange={(v) => {
          setOperator(v);
          onChange(v.trim() ? { scope: { kind: 'operator', operatorName: v.trim() }, label: v.trim() } : null);
        }}
      />
    );
  }
  const finishAt = role === 'city_supervisor' ? 'city' : 'county';
  const chosen = value?.scope.kind === 'region' ? { code: value.scope.regionCode, name: value.label, label: value.label } : null;
  return <VillagePicker key={finishAt} idPrefix='grant-region' finishAt={finishAt} value={chosen} onChange={(r) => onChange({ scope: { kind: 'region', regionCode: r.code }, label: r.label })} />;
}

function CalendarForm() {
  const status = useLoad(() => account.calendar(), []);
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [saved, setSaved] = useState('');
  const save = useAction(() => account.setCalendarYear({ year: Number(year), holidays: parseDates(holidays), workdays: parseDates(workdays) }), {
    onDone: (r) => {
      setSaved(`${r.year} 年的节假日安排已保存，新的投诉期限将按它计算。`);
      status.reload();
    },
  });
  const { error, busy } = save;
  useScrollToFirstError(error);

  const submit = () => {
    setSaved('');
    void save.run();
  };

  return (
    <View id='calendar-form' className='sp-form'>
      <Text className='sp-form__title'>节假日录入</Text>
      {status.data ? (
        <Text id='calendar-years' className='sp-small-note'>
          已有：{status.data.years.map((y) => `${y.year}${y.source === 'admin' ? '（录入）' : ''}`).join('、')}
          {status.data.missingYears.length ? `；缺：${status.data.missingYears.join('、')}` : ''}
        </Text>
      ) : null}
      <Field label='年份' required error={fieldError(error, 'year')}>
        <TextInput id='calendar-year' type='number' value={year} onChange={setYear} maxlength={4} />
      </Field>
      <Field label='放假日期' hint='按国务院办公厅通知填写，每个日期 YYYY-MM-DD，用空格或逗号分开' error={fieldError(error, 'holidays')}>
        <TextArea id='calendar-holidays' value={holidays} onChange={setHolidays} maxlength={1200} />
      </Field>
      <Field label='调休上班日' hint='周六、周日上班的日期' error={fieldError(error, 'workdays')}>
        <TextArea id='calendar-workdays' value={workdays} onChange={setWorkdays} maxlength={400} />
      </Field>
      {error ? <Notice id='calendar-error' tone='danger' title='没有保存' text={error.message} /> : null}
      {saved ? <Notice id='calendar-saved' tone='ok' text={saved} /> : null}
      <SubmitButton id='calendar-submit' text='保存节假日安排' busy={busy} onClick={submit} />
    </View>
  );
}

/**
 * 授予角色 by invitation: name the person, choose the role and where it applies, and hand them
 * the one-time code; they enter it under 我的 › 我有授权码. Nobody types an openid.
 */
function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [scope, setScope] = useState<ChosenScope | null>(null);
  const [reason, setReason] = useState('');
  const { hint, check } = useHints();
  const [made, setMade] = useState<InviteMade | null>(null);
  const invite = useAction(
    () => account.invite({ name: name.trim(), role: role!, scope: scope!.scope, ...(role === 'station_head' ? { reason: reason.trim() } : {}) }),
    {
      onDone: (r) => {
        setMade(r);
        setName('');
        setRole(null);
        setScope(null);
        setReason('');
        onInvited();
        // The form folds up: bring the code (what the official came for) into view.
        setTimeout(() => scrollIntoView('grant-code'), 0);
      },
    },
  );
  const { error, busy } = invite;
  useScrollToFirstError(error);

  const chooseRole = (r: Role) => {
    setRole(r);
    setScope(null);
  };

  const submit = () => {
    const passed = check({
      name: !name.trim() && '请填写对方的真实姓名',
      role: !role && '请选择角色',
      scope: !!role && !scope && `请选择${SCOPE_PROMPT[role]}`,
    });
    if (!passed) return;
    setMade(null);
    void invite.run();
  };

  return (
    <View id='grant-form' className='sp-form'>
      <Text className='sp-form__title'>授予角色</Text>
      <Text className='sp-small-note'>只能在您管辖的地区内授予比您低一级的角色。提交后会得到一个授权码，请交给对方本人，在小程序“我的 › 我有授权码”里输入，{INVITE_DAYS} 天内有效。每次授予和撤销都有记录。</Text>
      <Field label='对方姓名' required error={hint.name ?? fieldError(error, 'name')}>
        <TextInput id='grant-name' value={name} onChange={setName} maxlength={15} placeholder='真实姓名' />
      </Field>
      <Field label='角色' required error={hint.role}>
        <Choices idPrefix='grant-role' options={GRANTABLE} value={role} onChange={chooseRole} label='角色' />
      </Field>
      {role ? (
        <Field label={SCOPE_PROMPT[role]} required error={hint.scope ?? fieldError(error, 'scope') ?? fieldError(error, 'scope.regionCode') ?? fieldError(error, 'scope.stationId') ?? fieldError(error, 'scope.operatorName')}>
          <ScopeChooser role={role} value={scope} onChange={setScope} />
        </Field>
      ) : null}
      {role === 'station_head' ? (
        <Field label='理由' required hint='站点负责人一般经公示任用产生；直接授予请写明理由（如：临时代管）' error={fieldError(error, 'reason')}>
          <TextInput id='grant-reason' value={reason} onChange={setReason} maxlength={60} />
        </Field>
      ) : null}
      {error ? <Notice id='grant-error' tone='danger' title='没有授予' text={error.message} /> : null}
      {made ? (
        <View id='grant-code' className='notice notice--info'>
          <Text className='notice__title'>
            授权码：<Text id='grant-code-value'>{made.code}</Text>
          </Text>
          <Text className='notice__text'>
            请交给{made.name}本人（{made.label} · {made.scopeLabel}），{formatDateTime(made.expiresAt)} 前有效，只能用一次。
          </Text>
          <Button id='grant-code-copy' className='link' onClick={() => void Taro.setClipboardData({ data: `站点通授权码：${made.code}（${made.label} · ${made.scopeLabel}，请在小程序“我的 › 我有授权码”中输入）` })}>
            复制授权码
          </Button>
        </View>
      ) : null}
      <SubmitButton id='grant-submit' text='生成授权码' busy={busy} onClick={submit} />
    </View>
  );
}

const STATE_TEXT = { active: '', invited: '待对方输入授权码', expired: '授权码已过期' } as const;

export default function AdminPage() {
  const me = useLoad(() => account.me({ fresh: true }), []);
  const list = usePagedList<BindingItem>((cursor) => account.bindings({ cursor, limit: 20 }), 'bindings');
  const isProvince = !!me.data?.roles.some((r) => r.role === 'province_admin');

  const revoke = useAction((b: BindingItem) => account.revoke({ id: b.id }), {
    confirm: (b) => ({ title: b.state === 'active' ? '撤销角色' : '作废授权码', content: b.state === 'active' ? `撤销${b.name}的${b.label}（${b.scopeLabel}）？撤销后对方立即不能再办理。` : `作废给${b.name}的授权码？作废后这个码不能再用。`, confirmText: b.state === 'active' ? '撤销' : '作废' }),
    onDone: () => {
      toast('已撤销', 'success');
      list.reload();
    },
    onError: (err) => toast(err.message),
  });

  return (
    <PageShell id='page-admin' heading='角色与节假日'>
      {me.status === 'loading' && !me.data ? <Skeleton id='admin-loading' rows={2} /> : null}
      {me.status === 'error' && !me.data ? <ErrorState id='admin-error' message={me.error?.message ?? '加载失败'} onRetry={me.reload} /> : null}
      {isProvince ? <CalendarForm /> : me.data ? <Notice tone='info' text='节假日安排由省级管理员录入。' /> : null}
      {me.data ? <InviteForm onInvited={list.reload} /> : null}
      {isProvince ? <ApiKeys /> : null}
      {isProvince ? <Undelivered /> : null}
      {list.status === 'ready' ? (
        <View id='bindings-list' className='sp-form'>
          <Text className='sp-form__title'>现有角色</Text>
          {list.items.map((b) => (
            <View key={b.id} id={`binding-${b.id}`} className='sp-item'>
              <Text className='sp-item__title'>
                {b.name} · {b.label}
              </Text>
              <Text className='sp-item__line'>
                {b.scopeLabel} · {b.state === 'active' ? `${formatDay(b.grantedAt)} 授予` : STATE_TEXT[b.state]}
              </Text>
              <Button id={`revoke-${b.id}`} className='link' onClick={() => void revoke.run(b)}>
                {b.state === 'active' ? '撤销' : '作废'}
              </Button>
            </View>
          ))}
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} onMore={list.loadMore} count={list.items.length} />
        </View>
      ) : null}
      {list.status === 'error' ? <ErrorState id='bindings-error' message={list.error?.message ?? '加载失败'} onRetry={list.reload} /> : null}
    </PageShell>
  );
}
