import { fireEvent, render, screen } from '@testing-library/react';
import StationCard from '@/components/StationCard';
import { summary } from './fixtures';

describe('StationCard', () => {
  test('shows name, distance, open badge, level, place, certification and services', () => {
    const { container } = render(<StationCard station={summary()} onOpen={() => undefined} />);
    expect(screen.getByText('江西电商扶贫工程贡江镇服务站')).toBeTruthy();
    expect(screen.getByText('1.2 公里')).toBeTruthy();
    const open = screen.getByText('营业中');
    expect(open.className).toContain('badge--ok');
    expect(screen.getByText('✓ 已认定').className).toContain('badge--ok');
    expect(screen.getByText('乡镇服务站')).toBeTruthy();
    expect(screen.getByText('于都县 · 贡江镇')).toBeTruthy();
    expect(screen.getByText('今天 18:00 打烊')).toBeTruthy();
    for (const label of ['快递收发', '便民缴费', '扶贫产品代销']) expect(screen.getByText(label)).toBeTruthy();
    expect(container.querySelector('.badge-uncertified')).toBeNull();
    expect(container.querySelector('.badge-cultivation')).toBeNull();
  });

  test('distances: metres under 1 km, no distance without location', () => {
    const { rerender } = render(<StationCard station={summary({ distanceM: 320 })} onOpen={() => undefined} />);
    expect(screen.getByText('320 米')).toBeTruthy();
    rerender(<StationCard station={summary({ distanceM: undefined })} onOpen={() => undefined} />);
    expect(screen.queryByText(/公里|米$/)).toBeNull();
  });

  test('closed today / closed now badges are neutral, not green', () => {
    render(<StationCard station={summary({ hours: { state: 'closed_today', label: '今日休息', detail: '明天 08:00 开门' } })} onOpen={() => undefined} />);
    expect(screen.getByText('今日休息').className).toContain('badge--muted');
    expect(screen.getByText('明天 08:00 开门')).toBeTruthy();
  });

  test('warns when not certified: 公示中 and 整改中; shows 培育期 and stale info', () => {
    const { rerender } = render(
      <StationCard station={summary({ status: 'notice', statusLabel: '认定公示中', certified: false })} onOpen={() => undefined} />,
    );
    expect(screen.getByText('公示中 · 未认定').className).toContain('badge--warn');
    expect(screen.queryByText('✓ 已认定')).toBeNull();

    rerender(<StationCard station={summary({ status: 'rectification', statusLabel: '整改中' })} onOpen={() => undefined} />);
    expect(screen.getByText('整改中').className).toContain('badge--danger');

    rerender(<StationCard station={summary({ inCultivation: true, stale: true })} onOpen={() => undefined} />);
    expect(screen.getByText('培育期')).toBeTruthy();
    expect(screen.getByText('信息待更新')).toBeTruthy();
  });

  test('long service lists are shortened with a count', () => {
    render(
      <StationCard
        station={summary({ services: ['express', 'bill_payment', 'product_sales', 'purchasing', 'rural_finance', 'ticket_booking', 'information'] })}
        onOpen={() => undefined}
      />,
    );
    expect(screen.getByText('农村金融服务')).toBeTruthy();
    expect(screen.queryByText('车票预订')).toBeNull();
    expect(screen.getByText('等 7 项')).toBeTruthy();
  });

  test('tap opens the station', () => {
    const onOpen = jest.fn();
    const { container } = render(<StationCard station={summary()} onOpen={onOpen} />);
    fireEvent.click(container.querySelector('#station-st-ydgj-01')!);
    expect(onOpen).toHaveBeenCalledWith('st-ydgj-01');
  });
});
