/**
 * 工作台: tiles for what the caller's roles allow (from account.me), the overdue count on
 * 投诉待办, and a warning when next year's holiday data is missing (deadlines would count
 * weekends only).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePullRefresh, useRefreshOnShow } from '../../../hooks/useRefreshOnShow';
import { useEffect, useState } from 'react';
import PageShell from '../../../components/PageShell';
import { EmptyState, ErrorState, Skeleton } from '../../../components/StateViews';
import { account, type CalendarStatus } from '../../../services/account';
import { complaintsAdmin } from '../../../services/complaints-admin';
import { useLoad } from '../../../hooks/useLoad';
import Notice from '../../../ui/Notice';
import StationCode from '../components/StationCode';
import '../../shared/sub.css';
import { useDesktop } from '../../../hooks/useDesktop';
import Button from '../../../ui/Button';
import PcSignOut, { SIGNIN_PAGE } from '../components/PcSignOut';
import Inbox from '../components/Inbox';
import { askForOfficialUpdates, workbenchUpdates } from '../../../services/subscribe';

// Desk sizes for a PC window (H5 only; the mini-program keeps the phone layout).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a conditional import of a stylesheet
if (process.env.TARO_ENV === 'h5') require('../desk/desk-page.css');

interface Tile {
  key: string;
  title: string;
  sub: string;
  url: string;
}

const OVERDUE_PAGE = 50;

export default function WorkbenchPage() {
  const me = useLoad(() => account.me({ fresh: true }), []);
  const desk = useDesktop();
  const [calendar, setCalendar] = useState<CalendarStatus | null>(null);
  const [overdue, setOverdue] = useState<{ count: number; more: boolean } | null>(null);
  const [overdueError, setOverdueError] = useState(false);

  const isHandler = !!me.data?.isHandler;
  const refreshCounts = () => {
    if (!isHandler) return;
    setOverdueError(false);
    complaintsAdmin.queue({ overdue: true, limit: OVERDUE_PAGE }).then(
      (page) => setOverdue({ count: page.items.length, more: !!page.nextCursor }),
      () => setOverdueError(true),
    );
  };

  useEffect(() => {
    if (!me.data) return;
    refreshCounts();
    if (me.data.isHandler || me.data.isOfficial) account.calendar().then(setCalendar, () => setCalendar(null));
  }, [me.data]);

  // Coming back from a case: the count may have changed.
  useRefreshOnShow(refreshCounts);

  usePullRefresh(me.reload);

  const open = (url: string) => Taro.navigateTo({ url });
  const d = me.data;
  const tiles: Tile[] = [];
  if (d?.isHandler) tiles.push({ key: 'queue', title: '投诉待办', sub: '受理、转办、答复', url: '/packages/official/queue/index' });
  if (d?.isOfficial) tiles.push({ key: 'record', title: '代录投诉', sub: '电话、来访的投诉', url: '/packages/official/record/index' });
  if (d?.isOfficial) tiles.push({ key: 'ratings', title: '评价审核', sub: '待审核评价、站点趋势', url: '/packages/official/ratings/index' });
  if (d?.isHandler) tiles.push({ key: 'posts', title: '站点负责人招募', sub: '岗位、报名、评分、公示', url: '/packages/official/posts/index' });
  if (d?.isOfficial || d?.roles.some((r) => r.role === 'operator_staff')) tiles.push({ key: 'training', title: '培训情况', sub: '岗前培训、年度培训', url: '/packages/official/training/index' });
  if (d?.isOfficial) tiles.push({ key: 'register', title: '站点登记', sub: '表格导入、导出站点', url: '/packages/official/register/index' });
  if (d?.isOfficial || d?.isStationHead) tiles.push({ key: 'rectify', title: '站点整改', sub: d.isOfficial ? '疑似闲置站点、整改通知' : '本站的整改通知', url: '/packages/official/rectify/index' });
  if (d?.isHandler) tiles.push({ key: 'certify', title: '站点认定', sub: d.isOfficial ? '审核、实地核查、认定公示' : '申请认定、初审', url: '/packages/official/certify/index' });
  if (d?.isOfficial) tiles.push({ key: 'unlisted', title: '冒名站点举报', sub: '村民举报的冒用名义的站点', url: '/packages/official/unlisted/index' });
  if (d?.isOfficial) tiles.push({ key: 'coverage', title: '覆盖情况', sub: '没有站点的乡镇和村、布局问题', url: '/packages/official/coverage/index' });
  if (d?.isOfficial) tiles.push({ key: 'report', title: '报表与报送', sub: '季度、年度报表，县报市、市报省', url: '/packages/official/report/index' });
  if (d?.isOfficial) tiles.push({ key: 'stats', title: '统计', sub: '按状态、类型、站点', url: '/packages/official/stats/index' });
  if (d?.isOfficial) tiles.push({ key: 'admin', title: '角色与节假日', sub: '授予、撤销角色，录入节假日', url: '/packages/official/admin/index' });
  if (d?.isStationHead) tiles.push({ key: 'station', title: '本站投诉', sub: '关于本站的投诉和答复', url: '/packages/official/station/index' });
  // A head's own stations (named by the server); officials search their area instead.
  const ownStations = d ? d.roles.flatMap((r) => (r.scope.kind === 'station' ? [{ id: r.scope.stationId, name: r.scopeLabel }] : [])) : [];
  // 第十条3: heads keep their public page true; officials review the changes.
  if (d?.isOfficial) tiles.push({ key: 'edits', title: '站点信息审核', sub: '修改、临时闭店、信息有误', url: '/packages/official/edits/index' });
  for (const s of ownStations) tiles.push({ key: `edit-${s.id}`, title: '修改站点信息', sub: s.name, url: `/packages/official/edit/index?stationId=${encodeURIComponent(s.id)}` });
  // 第十条5: heads keep a ledger, the operator reviews it, officials read the totals.
  if (d?.isStationHead) tiles.push({ key: 'ledger', title: '台账', sub: '扶贫产品销售、代购、快递、缴费', url: '/packages/official/ledger/index' });
  if (d?.roles.some((r) => r.role === 'operator_staff')) tiles.push({ key: 'ledger-review', title: '台账审核', sub: '核实或退回站点台账', url: '/packages/official/ledger/review/index' });
  if (d?.isOfficial) tiles.push({ key: 'ledger-totals', title: '台账汇总', sub: '按地区看销售额、带动农户', url: '/packages/official/ledger/totals/index' });
  // 第十条, 第十一条2/5: operators visit and inspect their stations; officials see who is behind.
  if (d?.roles.some((r) => r.role === 'operator_staff')) tiles.push({ key: 'inspect', title: '站点走访', sub: '检查、指导服务、辅导培训', url: '/packages/official/inspect/index' });
  if (d?.isOfficial) tiles.push({ key: 'dues', title: '走访情况', sub: '哪些运营单位欠指导、欠培训', url: '/packages/official/inspect/dues/index' });
  // 第九条3–4: heads sign in to trainings and see their assessment; operators run the sign-in; officials assess.
  if (d?.isStationHead) tiles.push({ key: 'heads-mine', title: '我的培训与考核', sub: '培训签到、考核结果', url: '/packages/official/heads/mine/index' });
  if (d?.roles.some((r) => r.role === 'operator_staff')) tiles.push({ key: 'heads-session', title: '培训签到', sub: '生成签到码，负责人扫码签到', url: '/packages/official/heads/session/index' });
  if (d?.isOfficial) tiles.push({ key: 'heads', title: '负责人考核', sub: '季度、年度考核，表彰、更换', url: '/packages/official/heads/index' });
  if (d?.isOfficial) tiles.push({ key: 'settings', title: '参数设置', sub: '面积、服务人口、更新周期等本地标准', url: '/packages/official/settings/index' });

  return (
    <PageShell id='page-workbench' heading='工作台' className={desk ? 'desk-page' : undefined}>
      {me.status === 'loading' && !d ? <Skeleton id='workbench-loading' rows={2} /> : null}
      {me.status === 'error' && !d ? (
        <ErrorState
          id='workbench-error'
          message={me.error?.message ?? '加载失败'}
          onRetry={me.reload}
          extra={
            // A PC browser without identity (or whose session ended): sign in by scanning.
            process.env.TARO_ENV === 'h5' && me.error?.code === 'UNAUTHENTICATED' ? (
              <Button id='workbench-signin' className='btn btn--secondary' onClick={() => Taro.redirectTo({ url: SIGNIN_PAGE })}>
                电脑扫码登录
              </Button>
            ) : null
          }
        />
      ) : null}
      {d ? (
        <View>
          <Text id='workbench-who' className='sp-who'>
            {d.roles.length ? d.roles.map((r) => `${r.label}（${r.scopeLabel}）`).join('、') : '您目前没有工作人员角色'}
          </Text>
          {/* A PC signed in by scanning (H5): 退出登录 ends its session. */}
          <PcSignOut line />
          {calendar?.warning ? (
            <Notice id='calendar-warning' tone='warn' title='节假日安排未录入' text={`${calendar.warning}。请省级管理员录入后，期限才按实际节假日计算。`} />
          ) : null}
          {/* A station head alone reads its cases as the station does (本站投诉). */}
          {d.isHandler || d.isOfficial || d.isStationHead ? (
            <Inbox onOpen={(id) => open(`/packages/official/complaint/index?${d.isHandler || d.isOfficial ? '' : 'mode=station&'}id=${encodeURIComponent(id)}`)} />
          ) : null}
          {tiles.length === 0 ? (
            <EmptyState id='workbench-empty' text='工作台只对站点负责人、运营单位和主管部门开放。如需开通，请联系县级商务主管部门。' />
          ) : (
            <View id='workbench-tiles' className='sp-tiles'>
              {tiles.map((t) => (
                <Button
                  key={t.key}
                  id={`tile-${t.key}`}
                  className='sp-tile'
                  onClick={() => {
                    // The tap is the gesture WeChat needs: ask for new cases / new assignments (weapp only).
                    if (t.key === 'queue') askForOfficialUpdates(workbenchUpdates(d.roles));
                    open(t.url);
                  }}
                >
                  <Text className='sp-tile__title'>{t.title}</Text>
                  <Text className='sp-tile__sub'>{t.sub}</Text>
                  {t.key === 'queue' && overdue ? (
                    overdue.count > 0 ? (
                      <Text id='tile-queue-overdue' className='sp-tile__alert'>
                        超期 {overdue.count}
                        {overdue.more ? '+' : ''} 件
                      </Text>
                    ) : (
                      <Text id='tile-queue-overdue' className='sp-tile__ok'>
                        没有超期件
                      </Text>
                    )
                  ) : null}
                  {t.key === 'queue' && overdueError ? <Text className='sp-tile__sub'>超期件数暂时查不到</Text> : null}
                </Button>
              ))}
            </View>
          )}
          {d.isStationHead || d.isOfficial ? <StationCode own={ownStations} /> : null}
        </View>
      ) : null}
    </PageShell>
  );
}
