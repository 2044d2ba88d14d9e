/** Badges shown on station cards and pages: open state, certification, cultivation, freshness. */
import type { StationSummary } from '@core/station/api';
import type { OpenState } from '@core/station/hours';

export type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'muted';

export interface Badge {
  key: string;
  text: string;
  tone: Tone;
}

export function hoursTone(state: OpenState, label: string): Tone {
  if (state === 'open') return 'ok';
  if (label === '未开门') return 'info';
  return 'muted';
}

/** Trust badges, most important first. */
export function trustBadges(s: Pick<StationSummary, 'status' | 'certified' | 'inCultivation' | 'stale'>): Badge[] {
  const out: Badge[] = [];
  if (s.status === 'closed') {
    out.push({ key: 'closed', text: '已关停', tone: 'danger' });
    return out;
  }
  if (s.certified) out.push({ key: 'certified', text: '✓ 已认定', tone: 'ok' });
  if (s.status === 'rectification') out.push({ key: 'rectification', text: '整改中', tone: 'danger' });
  else if (s.status === 'notice') out.push({ key: 'notice', text: '公示中 · 未认定', tone: 'warn' });
  else if (!s.certified) out.push({ key: 'uncertified', text: '未认定', tone: 'danger' });
  if (s.inCultivation) out.push({ key: 'cultivation', text: '培育期', tone: 'info' });
  if (s.stale) out.push({ key: 'stale', text: '信息待更新', tone: 'muted' });
  return out;
}
