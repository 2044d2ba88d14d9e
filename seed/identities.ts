/**
 * Demo identities for local mode (the X-WX-OPENID header picks one). The names are obviously
 * demo; the scopes point at real demo stations and regions (see ./demo.ts).
 */
import type { Role, Scope } from '../core/authz/roles';
import { DEMO_STATION_HEAD_STATION_ID, YUDU_OPERATOR } from './demo';

export interface DemoIdentity {
  openid: string;
  role: Role;
  scope: Scope;
  name: string;
  note: string;
}

export function demoIdentities(): DemoIdentity[] {
  return [
    { openid: 'demo-resident-1', role: 'resident', scope: { kind: 'none' }, name: '村民张三（演示）', note: '普通居民：查站点、投诉、评价' },
    { openid: 'demo-resident-2', role: 'resident', scope: { kind: 'none' }, name: '村民李四（演示）', note: '普通居民：查站点、投诉、评价' },
    {
      openid: 'demo-station-head-1',
      role: 'station_head',
      scope: { kind: 'station', stationId: DEMO_STATION_HEAD_STATION_ID },
      name: '王站长（演示）',
      note: '于都县贡江镇服务站负责人：维护本站信息、处理本站投诉',
    },
    {
      openid: 'demo-operator-staff-1',
      role: 'operator_staff',
      scope: { kind: 'operator', operatorName: YUDU_OPERATOR },
      name: '运营专员赵六（演示）',
      note: '于都县运营单位员工：管理本公司运营的站点，站点初审',
    },
    {
      openid: 'demo-county-official-1',
      role: 'county_official',
      scope: { kind: 'region', regionCode: '360731' },
      name: '于都县商务局干部（演示）',
      note: '于都县：审核、公示、认定站点，督办投诉',
    },
    {
      openid: 'demo-city-supervisor-1',
      role: 'city_supervisor',
      scope: { kind: 'region', regionCode: '3607' },
      name: '赣州市商务局督导（演示）',
      note: '赣州市：查看辖区各县站点与投诉统计',
    },
    {
      openid: 'demo-province-admin-1',
      role: 'province_admin',
      scope: { kind: 'region', regionCode: '36' },
      name: '省商务厅管理员（演示）',
      note: '江西省：全省数据与角色授权',
    },
  ];
}
