/** Search tokens: one token per Chinese character, latin words, pinyin initials and full pinyin. */
import fc from 'fast-check';
import { pinyinOf } from '../../adapters/pinyin';
import { BRAND_PREFIX, charTokens, isLatinQuery, pinyinTokens, type PinyinFn } from '../../core/search/tokens';

describe('charTokens', () => {
  test.each([
    ['于都 县A1', '于 都 县 a1'],
    ['于都县', '于 都 县'],
    ['江西电商扶贫工程贡江镇服务站', '江 西 电 商 扶 贫 工 程 贡 江 镇 服 务 站'],
    ['长征大道1号', '长 征 大 道 1 号'],
    ['Room 302B', 'room 302b'],
    ['水头村（二组）', '水 头 村 二 组'],
    ['a-b_c.d', 'a b c d'],
    ['', ''],
    ['!!!   ？？', ''],
    ['ABC于DEF', 'abc 于 def'],
    ['〇', '〇'],
    ['😀于😀', '于'],
    ['ｇｊｚ', ''], // full-width latin is not tokenised
  ])('%j → %j', (input, expected) => {
    expect(charTokens(input)).toBe(expected);
  });

  test('tokens are lowercase Han characters or [a-z0-9] words separated by single spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const out = charTokens(s);
        if (out === '') return;
        for (const token of out.split(' ')) {
          expect(token === '' ? 'empty' : 'ok').toBe('ok');
          expect(/^[a-z0-9]+$/.test(token) || /^\p{Script=Han}$/u.test(token)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('every Han character of the input appears as its own token, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'于都贡江镇水头村服务站赣州瑞金罗坳 -A1'.split('')), { maxLength: 30 }), (chars) => {
        const input = chars.join('');
        const han = [...input].filter((c) => /\p{Script=Han}/u.test(c));
        expect(charTokens(input).split(' ').filter((t) => /\p{Script=Han}/u.test(t))).toEqual(han);
      }),
      { numRuns: 200 },
    );
  });
});

describe('pinyinTokens', () => {
  const fake: PinyinFn = (text) => ({ initials: `I(${text})`, full: `F(${text})` });

  test('strips the brand prefix and punctuation, lowercases, deduplicates', () => {
    expect(pinyinTokens(['江西电商扶贫工程贡江镇服务站', '贡江镇', '贡江镇'], fake)).toBe('i(贡江镇服务站) f(贡江镇服务站) i(贡江镇) f(贡江镇)');
    expect(pinyinTokens(['江西省电商扶贫村级服务点'], fake)).toBe('i(村级服务点) f(村级服务点)');
    expect(pinyinTokens(['水头村（二组）'], fake)).toBe('i(水头村二组) f(水头村二组)');
  });

  test('skips names that are empty after stripping', () => {
    expect(pinyinTokens(['', '江西电商扶贫工程', '（）'], fake)).toBe('');
  });

  test('with the real pinyin dictionary', () => {
    expect(pinyinOf('贡江镇')).toEqual({ initials: 'gjz', full: 'gongjiangzhen' });
    // 都 is dū in Jiangxi place names (于都, 宁都, 都昌), not dōu.
    expect(pinyinOf('于都县')).toEqual({ initials: 'ydx', full: 'yuduxian' });
    expect(pinyinOf('宁都县')).toEqual({ initials: 'ndx', full: 'ningduxian' });
    expect(pinyinOf('都昌县')).toEqual({ initials: 'dcx', full: 'duchangxian' });
    expect(pinyinOf('于都县贡江镇').full).toBe('yuduxiangongjiangzhen');
    expect(pinyinTokens(['江西电商扶贫工程水头村服务点', '于都县', '贡江镇', '水头村'], pinyinOf).split(' ')).toEqual([
      'stcfwd',
      'shuitoucunfuwudian',
      'ydx',
      'yuduxian',
      'gjz',
      'gongjiangzhen',
      'stc',
      'shuitoucun',
    ]);
  });

  test('BRAND_PREFIX matches the brand forms of 第七条4 only at the start', () => {
    for (const name of ['江西电商扶贫工程贡江镇服务站', '江西省电商扶贫乡镇服务站', '江西电商扶贫X', '江西省电商扶贫工程X']) expect(BRAND_PREFIX.test(name)).toBe(true);
    for (const name of ['于都县电商扶贫服务运营中心', '贡江镇江西电商扶贫工程服务站']) expect(BRAND_PREFIX.test(name)).toBe(false);
  });
});

describe('isLatinQuery', () => {
  test.each([
    ['ydx', true],
    ['yudu', true],
    ['GJZ', true],
    ['yu du', true],
    [' gjz ', true],
    ['a'.repeat(30), true],
    ['a'.repeat(31), false],
    ['ydx1', false],
    ['于都', false],
    ['ydx于', false],
    ['', false],
    ['   ', false],
    ['gjz*', false],
    ['"gjz"', false],
  ])('%j → %s', (q, expected) => {
    expect(isLatinQuery(q)).toBe(expected);
  });
});
