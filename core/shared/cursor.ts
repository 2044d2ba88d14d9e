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
  if (!m || checksum(`${scope}:${m[1]}`) !== m[2]) throw invalidCursor();
  return parseInt(m[1], 36);
}

/**
 * A cursor that carries a position string instead of an offset (e.g. nearby's "after this
 * distance and station"), so stores can continue by a condition rather than skip earlier results.
 */
export function encodePositionCursor(position: string, scope: string): string {
  return `${position}.${checksum(`${scope}:${position}`)}`;
}

/** The position string of a cursor from encodePositionCursor, or null when there is none. */
export function decodePositionCursor(cursor: string | undefined, scope: string): string | null {
  if (!cursor) return null;
  const dot = cursor.lastIndexOf('.');
  const body = cursor.slice(0, dot);
  if (dot <= 0 || checksum(`${scope}:${body}`) !== cursor.slice(dot + 1)) throw invalidCursor();
  return body;
}

export function invalidCursor(): AppError {
  return new AppError('VALIDATION_ERROR', '翻页参数无效，请重新加载', { cursor: '翻页参数无效' });
}
