/**
 * 站点申办 by a market entity (issue 10 §3, 第十一条3): an enterprise files for a new site; it goes
 * to the county's operator for 初审 (or straight to the county), then 审核, 公示 and 认定. 我的申办
 * lists the caller's own applications with the step that refused one and why.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import { useRefreshOnShow } from '../../../hooks/useRefreshOnShow';
import { useRegionChildren } from '../../../hooks/useRegionChildren';
import type { RegionItem } from '../../../services/api';
import { entityApply, type EntityApplicationView } from '../../../services/certify';
import Button from '../../../ui/Button';
import { toast } from '../../../ui/dialogs';
import { CheckChips, Field, SubmitButton, fieldError, scrollToFirstError, useScrollToFirstError, InputField } from '../../../ui/form';
import { formatDateTime } from '../../../ui/format';
import Notice from '../../../ui/Notice';
import { SiteFactsFields, useSiteFacts } from '../../shared/SiteFacts';
import '../../shared/sub.css';
import ItemHead from '../../../ui/ItemHead';
import OpenForm from '../../../ui/OpenForm';

const LEVELS: [string, string, number][] = [
  ['county', '县级服务中心', 6],
  ['township', '乡镇服务站', 9],
  ['village', '村级服务点', 12],
];
const SERVICES: [string, string][] = [
  ['product_sales', '扶贫产品代销'],
  ['purchasing', '商品代购'],
  ['express', '快递收发'],
  ['bill_payment', '便民缴费'],
];

/** 市 → 县 → 乡镇 → 村, one level at a time, down to what the level needs. */
function RegionPick({ depth, path, onChange }: { depth: number; path: RegionItem[]; onChange: (p: RegionItem[]) => void }) {
  const last = path[path.length - 1];
  const done = !!last && last.code.length >= depth;
  const { items, status } = useRegionChildren(last ? last.code : null, !done);
  return (
    <View id='entity-region' className='chips'>
      {path.length ? (
        <Button id='entity-region-reset' className='chip chip--link' onClick={() => onChange([])}>
          {path.map((r) => r.name).join(' · ')} ‹ 重选
        </Button>
      ) : null}
      {!done && status === 'ready'
        ? items.map((r) => (
            <Button key={r.code} id={`entity-region-${r.code}`} className='chip' onClick={() => onChange([...path, r])}>
              {r.name}
            </Button>
          ))
        : null}
    </View>
  );
}

function FileForm({ onFiled }: { onFiled: () => void }) {
  const [f, setF] = useState({ entityName: '', creditCode: '', contactName: '', contactPhone: '', stationName: '', address: '', hotline: '' });
  const [level, setLevel] = useState('village');
  const [path, setPath] = useState<RegionItem[]>([]);
  const [loc, setLoc] = useState<{ lat: number; lng: number } | null>(null);
  const [services, setServices] = useState<string[]>(['product_sales']);
  const site = useSiteFacts();
  const [hint, setHint] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const depth = LEVELS.find(([c]) => c === level)![2];
  const regionCode = path[path.length - 1]?.code ?? '';
  const file = useAction(
    () =>
      entityApply.file({
        entityName: f.entityName.trim(),
        creditCode: f.creditCode.trim().toUpperCase(),
        contactName: f.contactName.trim(),
        contactPhone: f.contactPhone.trim(),
        stationName: f.stationName.trim(),
        level: level as never,
        regionCode,
        address: f.address.trim(),
        lat: loc!.lat,
        lng: loc!.lng,
        hotline: f.hotline.trim(),
        services: services as never,
        ...site.payload(),
      }),
    { onDone: () => (toast('已提交', 'success'), onFiled()), confirm: { title: '提交申办', content: '提交后由运营单位或县级主管部门审核，请确认信息属实。', confirmText: '提交' } },
  );
  useScrollToFirstError(file.error);
  const locate = () =>
    Taro.getLocation({ type: 'gcj02' }).then(
      (r) => setLoc({ lat: r.latitude, lng: r.longitude }),
      () => toast('没有取到位置，请在设置里允许使用位置'),
    );
  const submit = () => {
    const h: Record<string, string> = {};
    if (!f.entityName.trim()) h.entityName = '请填写市场主体名称';
    if (f.creditCode.trim().length !== 18) h.creditCode = '统一社会信用代码应为 18 位';
    if (!f.contactName.trim()) h.contactName = '请填写联系人';
    if (!f.contactPhone.trim()) h.contactPhone = '请填写联系电话';
    if (!f.stationName.trim()) h.stationName = '请填写站点名称';
    if (regionCode.length < depth) h.regionCode = '请选到站点所在的地方';
    if (!f.address.trim()) h.address = '请填写地址';
    if (!loc) h.location = '请取一下站点的位置';
    if (!f.hotline.trim()) h.hotline = '请填写服务电话';
    Object.assign(h, site.hints());
    setHint(h);
    if (Object.keys(h).length) return scrollToFirstError();
    void file.run();
  };
  const err = (k: string) => hint[k] ?? fieldError(file.error, k);
  return (
    <View id='entity-form' className='sp-form'>
      <InputField label='市场主体名称' required error={err('entityName')} id='entity-name' value={f.entityName} onChange={set('entityName')} maxlength={60} />
      <InputField label='统一社会信用代码' required error={err('creditCode')} id='entity-credit' value={f.creditCode} onChange={set('creditCode')} maxlength={18} />
      <InputField label='联系人' required hint='只给审核人员看，不公开' error={err('contactName')} id='entity-contact' value={f.contactName} onChange={set('contactName')} maxlength={20} />
      <InputField label='联系电话' required hint='只给审核人员看，不公开' error={err('contactPhone')} id='entity-phone' type='number' value={f.contactPhone} onChange={set('contactPhone')} maxlength={13} />
      <Field label='站点级别' required>
        <View className='chips sp-chips--form'>
          {LEVELS.map(([code, label]) => (
            <Button key={code} id={`entity-level-${code}`} className={level === code ? 'chip chip--on' : 'chip'} onClick={() => (setLevel(code), setPath(path.filter((r) => r.code.length <= LEVELS.find(([c]) => c === code)![2])))}>
              {label}
            </Button>
          ))}
        </View>
      </Field>
      <Field label='所在地' required error={err('regionCode')}>
        <RegionPick depth={depth} path={path} onChange={setPath} />
      </Field>
      <InputField label='站点名称' required hint='如“江西电商扶贫工程某某村服务点”（第七条4）' error={err('stationName')} id='entity-station' value={f.stationName} onChange={set('stationName')} maxlength={40} />
      <InputField label='地址' required error={err('address')} id='entity-address' value={f.address} onChange={set('address')} maxlength={120} />
      <Field label='位置' required hint='在站点门口取位置，群众按它找到站点' error={err('location')}>
        <Button id='entity-locate' className='btn btn--ghost' onClick={() => void locate()}>
          {loc ? `已取位置 ${loc.lat.toFixed(4)}, ${loc.lng.toFixed(4)}` : '取当前位置'}
        </Button>
      </Field>
      <InputField label='服务电话' required hint='公开在站点页上' error={err('hotline')} id='entity-hotline' value={f.hotline} onChange={set('hotline')} maxlength={14} />
      <Field label='服务项目' required error={err('services')}>
        <CheckChips idPrefix='entity-svc' options={SERVICES} value={services} onChange={setServices} />
      </Field>
      <SiteFactsFields idPrefix='entity' site={site} err={err} />
      {file.error && !Object.keys(file.error.fields).length ? <Notice tone='danger' text={file.error.message} /> : null}
      <SubmitButton id='entity-submit' text='提交申办' busy={file.busy} onClick={submit} />
    </View>
  );
}

function Item({ a }: { a: EntityApplicationView }) {
  return (
    <View id={`entity-app-${a.id}`} className='sp-item'>
      <ItemHead title={a.stationName} status={a.stateLabel} tone={a.state === 'certified' ? 'ok' : a.refusedAt ? 'danger' : 'warn'} />
      <Text className='sp-item__line'>
        {a.levelLabel} · {a.address} · 提交于 {formatDateTime(a.filedAt)}
      </Text>
      {a.refusedAt ? <Notice tone='danger' text={`${a.refusedAt}未通过：${a.reason ?? ''}`} /> : null}
      {a.certificate ? <Text className='sp-item__line'>证书编号 {a.certificate.certificateNo} · {a.certificate.certifiedOn}</Text> : null}
      {a.noticeId ? (
        <Button id={`entity-notice-${a.id}`} className='link' onClick={() => void Taro.navigateTo({ url: `/packages/apply/notice/index?id=${encodeURIComponent(a.noticeId!)}` })}>
          查看公示
        </Button>
      ) : null}
    </View>
  );
}

export default function EntityApplyPage() {
  const mine = useLoad(() => entityApply.mine(), []);
  useRefreshOnShow(mine.reload);
  return (
    <PageShell id='page-entity' heading='站点申办'>
      <Text className='sp-lead'>企业等市场主体可以申办电商扶贫服务站点：运营单位初审、县级核查、公示后认定。</Text>
      <OpenForm id='entity-new' text='我要申办' form={(sent) => <FileForm onFiled={sent} />} onSent={mine.reload} />
      <Text className='sub-title sp-list-heading'>我的申办</Text>
      {mine.status === 'loading' ? <Skeleton id='entity-loading' rows={2} /> : null}
      {mine.status === 'error' ? <ErrorState id='entity-error' retryId='entity-retry' message={mine.error?.message ?? '加载失败'} onRetry={mine.reload} /> : null}
      {mine.status === 'ready' && !mine.data?.items.length ? <EmptyState id='entity-empty' text='还没有申办' /> : null}
      {mine.data?.items.map((a) => <Item key={a.id} a={a} />)}
    </PageShell>
  );
}
