/** A station 认定公示中 links to its certification notice (found among the open notices). */
import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CertificationSection from '@/components/station/CertificationSection';
import { notices } from '@/services/notices';
import { detail } from './fixtures';
import { resetTaro } from './taro-mock';

jest.mock('@/services/notices', () => ({ notices: { list: jest.fn() } }));
const list = notices.list as jest.Mock;

beforeEach(() => {
  resetTaro();
  list.mockReset();
});

const notice = (id: string, kind: string, subjectId?: string) => ({ id, kind, ...(subjectId ? { subjectId } : {}), title: 't', facts: [], body: '', startsOn: '2026-12-04', endsOn: '2026-12-11', objectionChannel: 'x', status: 'open', running: true, outcome: null, outcomeLabel: null });

test('公示中: the link opens the station’s own certification notice, across pages', async () => {
  const s = detail({ status: 'notice', certified: false, certification: null } as never);
  list.mockResolvedValueOnce({ items: [notice('n-other', 'certification', 'st-other'), notice('n-app', 'appointment')], nextCursor: 'c2' });
  list.mockResolvedValueOnce({ items: [notice('n-mine', 'certification', s.id)], nextCursor: null });
  render(<CertificationSection station={s} />);
  fireEvent.click(await screen.findByText('查看认定公示，提出异议'));
  expect(list).toHaveBeenLastCalledWith({ status: 'open', limit: 50, cursor: 'c2' });
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/apply/notice/index?id=n-mine' });
});

test('a certified station shows no notice link and asks for none', async () => {
  render(<CertificationSection station={detail()} />);
  expect(screen.queryByText('查看认定公示，提出异议')).toBeNull();
  expect(list).not.toHaveBeenCalled();
});
