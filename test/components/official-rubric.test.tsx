/** The published rubric: criteria weights must sum to exactly 100 before a post can be saved. */
import { act, render } from '@testing-library/react';
import { useState } from 'react';
import RubricEditor from '@/packages/official/components/RubricEditor';
import { checkRubricRows, previewTotal, type RubricRow } from '@/packages/official/utils/rubric';
import { enter, press } from './act-helpers';
import { resetTaro } from './taro-mock';

beforeEach(() => resetTaro());

const rows = (...pairs: [string, string][]): RubricRow[] => pairs.map(([criterion, weight]) => ({ criterion, weight }));

test('sum of 100 with 2–10 distinct named criteria is ok', () => {
  const r = checkRubricRows(rows(['电商技能', '60'], ['群众口碑', '40']));
  expect(r).toEqual({ total: 100, ok: true, message: null, rubric: [{ criterion: '电商技能', weight: 60 }, { criterion: '群众口碑', weight: 40 }] });
});

test('a sum other than 100 is refused with the current total', () => {
  expect(checkRubricRows(rows(['电商技能', '60'], ['群众口碑', '30']))).toMatchObject({ ok: false, total: 90, message: '权重合计应为 100，现在是 90' });
  expect(checkRubricRows(rows(['电商技能', '70'], ['群众口碑', '40']))).toMatchObject({ ok: false, total: 110 });
});

test('names, weights and the number of rows are checked before the sum', () => {
  expect(checkRubricRows(rows(['电商技能', '100'])).message).toBe('至少需要 2 个评分项');
  expect(checkRubricRows(rows(['电商技能', '50'], ['', '50'])).message).toBe('请填写第 2 个评分项的名称');
  expect(checkRubricRows(rows(['电商技能', '50'], ['电商技能', '50'])).message).toContain('重复');
  expect(checkRubricRows(rows(['电商技能', '0'], ['口碑', '100'])).message).toContain('1 到 100');
  expect(checkRubricRows(rows(['电商技能', 'abc'], ['口碑', '100'])).message).toContain('1 到 100');
  expect(checkRubricRows(Array.from({ length: 11 }, (_, i) => ({ criterion: `项${i}`, weight: '9' }))).ok).toBe(false);
});

test('previewTotal weighs one reviewer’s scores; null until every criterion has 0–100', () => {
  const rubric = [
    { criterion: '电商技能', weight: 60 },
    { criterion: '群众口碑', weight: 40 },
  ];
  expect(previewTotal(rubric, { 电商技能: '90', 群众口碑: '80' })).toBe(86);
  expect(previewTotal(rubric, { 电商技能: '90' })).toBeNull();
  expect(previewTotal(rubric, { 电商技能: '190', 群众口碑: '80' })).toBeNull();
});

function Harness({ initial }: { initial: RubricRow[] }) {
  const [r, setR] = useState(initial);
  return <RubricEditor rows={r} onChange={setR} />;
}

test('the editor shows the running total and turns it green at exactly 100', async () => {
  const { container } = render(<Harness initial={rows(['电商技能', '60'], ['群众口碑', '30'])} />);
  const sum = () => container.querySelector('#rubric-sum')!;
  await act(() => new Promise<void>((r) => setTimeout(r, 30)));
  expect(sum().textContent).toContain('权重合计 90，应为 100（还差 10）');
  expect(sum().className).toContain('rubric-sum--bad');
  await enter(container, 'rubric-weight-1', '40');
  expect(sum().textContent).toBe('权重合计 100 ✓');
  expect(sum().className).toContain('rubric-sum--ok');
  // Adding a criterion breaks the sum again; removing is refused below two rows.
  await press(container, 'btn-add-criterion');
  expect(container.querySelector('#rubric-name-2')).not.toBeNull();
  expect(container.querySelector('#rubric-error')!.textContent).toContain('第 3 个评分项的名称');
  await press(container, 'rubric-remove-2');
  await press(container, 'rubric-remove-1');
  expect(container.querySelector('#rubric-name-1')).not.toBeNull();
});
