/** Paging cursors: opaque offset + checksum bound to the query scope. */
import fc from 'fast-check';
import { decodeCursor, encodeCursor } from '../../core/shared/cursor';
import { AppError } from '../../core/shared/errors';

function expectInvalid(cursor: string, scope: string) {
  let caught: unknown;
  try {
    decodeCursor(cursor, scope);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(AppError);
  const e = caught as AppError;
  expect(e.code).toBe('VALIDATION_ERROR');
  expect(e.message).toBe('翻页参数无效，请重新加载');
  expect(e.fields).toEqual({ cursor: '翻页参数无效' });
  expect(e.toBody()).toEqual({ code: 'VALIDATION_ERROR', message: '翻页参数无效，请重新加载', fields: { cursor: '翻页参数无效' } });
}

const SCOPE = 'nearby:{"lat":25.95,"lng":115.41}';

test('no cursor (undefined or empty) is the first page', () => {
  expect(decodeCursor(undefined, SCOPE)).toBe(0);
  expect(decodeCursor('', SCOPE)).toBe(0);
});

test('roundtrip for any offset and scope', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 36 ** 8 - 1 }), fc.string({ maxLength: 200 }), (offset, scope) => {
      const cursor = encodeCursor(offset, scope);
      expect(cursor).toMatch(/^[0-9a-z]{1,8}\.[0-9a-z]{1,8}$/);
      expect(decodeCursor(cursor, scope)).toBe(offset);
    }),
    { numRuns: 300 },
  );
});

test('cursors are short enough for the 40-character input limit', () => {
  expect(encodeCursor(36 ** 8 - 1, SCOPE).length).toBeLessThanOrEqual(17);
  expect(encodeCursor(20, SCOPE)).toBe(`k.${encodeCursor(20, SCOPE).split('.')[1]}`);
});

test('a cursor from another scope (other query, other action) is rejected', () => {
  const cursor = encodeCursor(20, SCOPE);
  expectInvalid(cursor, 'nearby:{"lat":25.95,"lng":115.42}');
  expectInvalid(cursor, `search:${SCOPE.slice(7)}`);
  expectInvalid(cursor, '');
});

test('a cursor from another scope is rejected for any pair of distinct scopes', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000 }), fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (offset, a, b) => {
      fc.pre(a !== b);
      expect(() => decodeCursor(encodeCursor(offset, a), b)).toThrow(AppError);
    }),
    { numRuns: 300 },
  );
});

test('a hand-edited offset is rejected', () => {
  const cursor = encodeCursor(20, SCOPE);
  const [, sum] = cursor.split('.');
  for (const body of ['0', 'l', 'j', '1k', 'zz', 'k0']) expectInvalid(`${body}.${sum}`, SCOPE);
});

test('any single-character change is detected', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.nat(), fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz.'.split('')), (offset, pos, ch) => {
      const cursor = encodeCursor(offset, SCOPE);
      const i = pos % cursor.length;
      fc.pre(cursor[i] !== ch);
      const edited = cursor.slice(0, i) + ch + cursor.slice(i + 1);
      // Even "0k" for "k" (same offset) fails: the checksum covers the body text.
      expect(() => decodeCursor(edited, SCOPE)).toThrow(AppError);
    }),
    { numRuns: 300 },
  );
});

test.each(['garbage', 'k', 'k.', '.abc', 'K.ABC', 'k.abc.def', '-1.abc', '123456789.abc', 'k.123456789', ' k.abc', 'k.abc ', '０.abc', 'k．abc', '__proto__'])(
  'malformed cursor %j is rejected',
  (cursor) => {
    expectInvalid(cursor, SCOPE);
  },
);
