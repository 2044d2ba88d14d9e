/**
 * Opaque paging cursors: an offset with a checksum, so a hand-edited cursor is a clear
 * VALIDATION_ERROR rather than a silent jump. Not a secret — just tamper-evident.
 */
import { AppError } from './errors';

function checksum(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function encodeCursor(offset: number, scope: string): string {
  const body = offset.toString(36);
  return `${body}.${checksum(`${scope}:${body}`)}`;
}

/** `scope` ties the cursor to its query (e.g. the action and filters) so it cannot be reused elsewhere. */
export function decodeCursor(cursor: string | undefined, scope: string): number {
  if (!cursor) return 0;
  const m = /^([0-9a-z]{1,8})\.([0-9a-z]{1,8})$/.exec(cursor);
  if (!m || checksum(`${scope}:${m[1]}`) !== m[2]) {
    throw new AppError('VALIDATION_ERROR', '翻页参数无效，请重新加载', { cursor: '翻页参数无效' });
  }
  return parseInt(m[1], 36);
}
