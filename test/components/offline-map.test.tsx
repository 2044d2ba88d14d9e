/** H5's offline map: stations around the resident, north up, with a scale bar; taps open stations. */
import { fireEvent, render } from '@testing-library/react';
import StationMap, { plot } from '@/components/map/StationMap';
import { summary } from './fixtures';

const HERE = { lat: 25.95, lng: 115.41 };
const north = summary({ id: 'st-n', name: '北站', location: { lat: 25.96, lng: 115.41 } });
const east = summary({ id: 'st-e', name: '东站', location: { lat: 25.95, lng: 115.43 }, hours: { state: 'closed', label: '已打烊', detail: '明天 08:00 开门' } });

test('north is up, east is right, the resident is in the middle', () => {
  const { points, scaleM, scalePct } = plot(HERE, [north, east]);
  expect(points[0].left).toBeCloseTo(50, 0);
  expect(points[0].top).toBeLessThan(50);
  expect(points[1].left).toBeGreaterThan(50);
  expect(points[1].top).toBeCloseTo(50, 0);
  expect(scaleM).toBeGreaterThan(0);
  expect([1, 2, 5].includes(Number(String(scaleM)[0]))).toBe(true);
  expect(scalePct).toBeGreaterThan(0);
  expect(scalePct).toBeLessThan(90);
});

test('renders marks, a scale bar and the numbered list; tapping opens the station', () => {
  const onOpen = jest.fn();
  const { container } = render(<StationMap center={HERE} stations={[north, east]} onOpen={onOpen} />);
  expect(container.querySelector('#offline-map')).not.toBeNull();
  expect(container.querySelector('#map-scale')!.textContent).toMatch(/(米|公里)$/);
  expect(container.textContent).toContain('您在这里');
  expect(container.querySelector('#map-mark-st-e')!.className).toContain('map-dot--closed');
  fireEvent.click(container.querySelector('#map-mark-st-n')!);
  expect(onOpen).toHaveBeenCalledWith('st-n');
  fireEvent.click(container.querySelector('#map-item-st-e')!);
  expect(onOpen).toHaveBeenLastCalledWith('st-e');
});
