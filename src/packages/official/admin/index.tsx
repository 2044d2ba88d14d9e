/**
 * 角色与节假日 (officials): grant and revoke roles within one's own region (every change is
 * audited on the server), and — for the province administrator — enter a year's public holidays
 * and make-up working days, which the complaint deadlines need for years the built-in calendar
 * does not know.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import { ErrorState, Skeleton } from '../../../components/StateViews';
import { account, type BindingItem } from '../../../services/account';
import { toApiError, type ApiError } from '../../../services/transport';
import { useLoad } from '../../../hooks/useLoad';
import { usePagedList } from '../../../hooks/usePagedList';
import ListFooter from '../../../ui/ListFooter';
import Notice from '../../../ui/Notice';
import { Choices, Field, SubmitButton, TextArea, TextInput, fieldError, useScrollToFirstError } from '../../../ui/form';
import { toast } from '../../../ui/dialogs';
import { useAction } from '../../../hooks/useAction';
import type { Role, Scope } from '@core/authz/roles';
import '../../shared/sub.css';
import Button from '../../../ui/Button';

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

export function scopeFor(role: Role, value: string): Scope {
  const v = value.trim();
  if (role === 'station_head') return { kind: 'station', stationId: v };
  if (role === 'operator_staff') return { kind: 'operator', operatorName: v };
  return { kind: 'region', regionCode: v };
}

const SCOPE_HINT: Record<string, string> = {
  station_head: '站点编号，例如 st-360731100-000',
  operator_staff: '运营单位全称',
  county_official: '县级地区代码（6 位），例如 360731',
  city_supervisor: '设区市地区代码（4 位），例如 3607',
};

function CalendarForm() {
  const status = useLoad(() => account.calendar(), []);
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [holidays, setHolidays] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useScrollToFirstError(error);
  const [saved, setSaved] = useState('');

  const submit = async () => {
    setBusy(true);
    setError(null);
    setSaved('');
    try {
      const r = await account.setCalendarYear({ year: Number(year), holidays: parseDates(holidays), workdays: parseDates(workdays) });
      setSaved(`${r.year} 年的节假日安排已保存，新的投诉期限将按它计算。`);
      status.reload();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
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
      <SubmitButton id='calendar-submit' text='保存节假日安排' busy={busy} onClick={() => void submit()} />
    </View>
  );
}

function GrantForm({ onGranted }: { onGranted: () => void }) {
  const [openid, setOpenid] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [scope, setScope] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useScrollToFirstError(error);

  const submit = async () => {
    if (!role) return setError(toApiError({ name: 'ApiError', code: 'VALIDATION_ERROR', message: '请选择角色', fields: {} }));
    setBusy(true);
    setError(null);
    try {
      const r = await account.grant({ openid: openid.trim(), role, scope: scopeFor(role, scope), ...(role === 'station_head' ? { reason: reason.trim() } : {}) });
      toast(`已授予${r.label}`, 'success');
      setOpenid('');
      setScope('');
      onGranted();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View id='grant-form' className='sp-form'>
      <Text className='sp-form__title'>授予角色</Text>
      <Text className='sp-small-note'>只能在您管辖的地区内授予比您低一级的角色；每次授予和撤销都有记录。</Text>
      <Field label='对方的 openid' required error={fieldError(error, 'openid')}>
        <TextInput id='grant-openid' value={openid} onChange={setOpenid} maxlength={64} />
      </Field>
      <Field label='角色' required>
        <Choices idPrefix='grant-role' options={GRANTABLE} value={role} onChange={setRole} />
      </Field>
      <Field label='范围' required hint={role ? SCOPE_HINT[role] : '先选择角色'} error={fieldError(error, 'scope') ?? fieldError(error, 'scope.regionCode') ?? fieldError(error, 'scope.stationId')}>
        <TextInput id='grant-scope' value={scope} onChange={setScope} maxlength={60} />
      </Field>
      {role === 'station_head' ? (
        <Field label='理由' required hint='站点负责人一般经公示任用产生；直接授予请写明理由（如：临时代管）' error={fieldError(error, 'reason')}>
          <TextInput id='grant-reason' value={reason} onChange={setReason} maxlength={60} />
        </Field>
      ) : null}
      {error ? <Notice id='grant-error' tone='danger' title='没有授予' text={error.message} /> : null}
      <SubmitButton id='grant-submit' text='授予' busy={busy} onClick={() => void submit()} />
    </View>
  );
}

export default function AdminPage() {
  const me = useLoad(() => account.me({ fresh: true }), []);
  const list = usePagedList<BindingItem>((cursor) => account.bindings({ cursor, limit: 20 }), 'bindings');
  const isProvince = !!me.data?.roles.some((r) => r.role === 'province_admin');

  const revoke = useAction((b: BindingItem) => account.revoke({ id: b.id }), {
    confirm: (b) => ({ title: '撤销角色', content: `撤销 ${b.label}（${b.scopeLabel}）？撤销后对方立即不能再办理。`, confirmText: '撤销' }),
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
      {me.data ? <GrantForm onGranted={list.reload} /> : null}
      {list.status === 'ready' ? (
        <View id='bindings-list' className='sp-form'>
          <Text className='sp-form__title'>现有角色</Text>
          {list.items.map((b) => (
            <View key={b.id} id={`binding-${b.id}`} className='sp-item'>
              <Text className='sp-item__title'>
                {b.label} · {b.scopeLabel}
              </Text>
              <Text className='sp-item__line'>{b.openid}</Text>
              <Button id={`revoke-${b.id}`} className='link' onClick={() => void revoke.run(b)}>
                撤销
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
