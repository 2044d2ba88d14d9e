/**
 * The demo identities (openids the demo data knows) and the demo head's station, for every test
 * layer: server tests get them through local-app.ts; the weapp and browser tests import them here
 * without loading the local server.
 */
export const DEMO = {
  resident1: 'demo-resident-1',
  resident2: 'demo-resident-2',
  stationHead: 'demo-station-head-1',
  operatorStaff: 'demo-operator-staff-1',
  county: 'demo-county-official-1',
  city: 'demo-city-supervisor-1',
  province: 'demo-province-admin-1',
} as const;
export type DemoKey = keyof typeof DEMO;

/** The station whose head is demo-station-head-1 (于都县贡江镇服务站, run by the 于都 demo operator). */
export const HEAD_STATION = 'st-360731100-000';
