/** `heads` client (issue 12 §3): training sign-in, a head's own record and result, the county's list, rewards, replacement. */
import type { HeadsApi } from '../../cloudfunctions/heads/handler';
import { client, type Input, type Output } from './transport';

type In<K extends keyof HeadsApi> = Input<HeadsApi, K>;
type Out<K extends keyof HeadsApi> = Output<HeadsApi, K>;

export type MyTraining = Out<'myTraining'>;
export type MyAssessment = Out<'mine'>;
export type AssessmentList = Out<'list'>;
export type AssessmentRow = AssessmentList['heads'][number];
export type AssessmentPartView = AssessmentRow['parts'][number];
export type DecisionView = AssessmentRow['decisions'][number];
export type OpenedSession = Out<'openSession'>;
export type SessionItem = Out<'sessions'>['items'][number];
export type ReserveCandidate = Out<'reserve'>['items'][number];

const call = client<HeadsApi>('heads');

export const heads = {
  myTraining: () => call('myTraining', {}),
  signIn: (input: In<'signIn'>) => call('signIn', input, { write: true }),
  mine: (input: In<'mine'> = {}) => call('mine', input),
  openSession: (input: In<'openSession'>) => call('openSession', input, { write: true }),
  sessions: () => call('sessions', {}),
  list: (input: In<'list'> = {}) => call('list', input),
  reward: (input: In<'reward'>) => call('reward', input, { write: true }),
  reserve: (input: In<'reserve'>) => call('reserve', input),
  replace: (input: In<'replace'>) => call('replace', input, { write: true }),
};

/** The quarter a day is in (`2026Q4`), and the one before it: the period the list opens on. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}
export function previousQuarter(key: string): string {
  const y = Number(key.slice(0, 4));
  const q = Number(key.slice(5));
  return q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
}
/** Choices for the period: last quarter, this quarter so far, last year, this year so far. */
export function periodChoices(today: string): (readonly [string, string])[] {
  const now = quarterOf(today);
  const last = previousQuarter(now);
  const y = today.slice(0, 4);
  return [
    [last, `${last.slice(0, 4)} 年第 ${last.slice(5)} 季度`],
    [now, '本季度（至今）'],
    [String(Number(y) - 1), `${Number(y) - 1} 年度`],
    [y, `${y} 年度（至今）`],
  ];
}
