/**
 * A closed set of codes with their Chinese labels, written once: `labelled(...)` gives the codes
 * (a non-empty tuple, which is what `z.enum` takes) and the label table. Zod-free: the models the
 * app imports use it.
 *
 * Written as a label table `{ code: '标签' }` (the codes in the table's order), or as `[code, label, …]`
 * pairs in display order when the pairs themselves are wanted (pickers take them as options, or a
 * pair carries more than the label) or a code is integer-like ("12315": objects list those first).
 */
type Pair = readonly [string, string, ...unknown[]];
export type Codes<C extends string> = readonly [C, ...C[]];

const isPairs = (table: readonly Pair[] | Record<string, string>): table is readonly Pair[] => Array.isArray(table);

export function labelled<const P extends readonly [Pair, ...Pair[]]>(pairs: P): { pairs: P; codes: Codes<P[number][0]>; labels: Record<P[number][0], string> };
export function labelled<L extends Record<string, string>>(labels: L): { codes: Codes<Extract<keyof L, string>>; labels: L };
export function labelled(table: readonly Pair[] | Record<string, string>): { pairs?: readonly Pair[]; codes: readonly string[]; labels: Record<string, string> } {
  if (!isPairs(table)) return { codes: Object.keys(table), labels: table };
  return { pairs: table, codes: table.map(([c]) => c), labels: Object.fromEntries(table.map(([c, l]) => [c, l])) };
}

type Labelled<T, M> = { [K in keyof M & keyof T]: T[K] } & { [K in keyof M & keyof T & string as `${K}Label`]: string };

/**
 * Coded fields of a record for a view, each with its label beside it (`status` → `statusLabel`),
 * in the order given: `withLabels(s, { level: LEVEL_LABELS, status: STATUS_LABELS })` is
 * `{ level, levelLabel, status, statusLabel }`.
 */
export function withLabels<T, M extends { [K in keyof T]?: Record<T[K] & string, string> }>(record: T, tables: M): Labelled<T, M> {
  const view: Record<string, unknown> = {};
  for (const [key, labels] of Object.entries(tables) as [keyof T & string, Record<string, string>][]) {
    view[key] = record[key];
    view[`${key}Label`] = labels[record[key] as string];
  }
  return view as Labelled<T, M>;
}
