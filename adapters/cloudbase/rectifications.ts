/**
 * Rectification orders in CloudBase (core/station/rectification.ts). Collections:
 * `rectifications` (`_id` = order id; the order under `order` plus stationId, state, dueOn,
 * regionCodes, issuedAt, version for queries) and `rectification_open` (`_id` = station id,
 * `orderId` of its open order or null): the marker read and written in the same transaction as the
 * order is what keeps one open order per station when two officials issue at once.
 */
import { OPEN_RECTIFICATION, type RectificationOrder, type RectificationRepository } from '../../core/station/rectification';
import { by, context, oneOpenCollection, type CbDb, type StoreOptions } from './sdk';

export const RECTIFICATION_COLLECTIONS = { orders: 'rectifications', open: 'rectification_open' } as const;
/** One open order per station: its marker in `rectification_open` names it under `orderId`. */
const ONE_OPEN = { field: 'orderId', taken: '这个站点已经有一份未办结的整改通知', isOpen: (o: RectificationOrder) => OPEN_RECTIFICATION.includes(o.state) };

const docOf = (o: RectificationOrder) => ({ stationId: o.stationId, state: o.state, dueOn: o.dueOn, issuedAt: o.issuedAt, regionCodes: o.regionCodes, version: o.version, order: o });
type OrderDoc = ReturnType<typeof docOf>;

export function createCloudbaseRectificationRepository(db: CbDb, options: StoreOptions = {}): RectificationRepository {
  const ctx = context(db, RECTIFICATION_COLLECTIONS, options);
  const orders = oneOpenCollection(ctx, ctx.names.orders, { toDoc: docOf, fromDoc: (d: OrderDoc) => d.order, what: '这份整改通知' }, { markers: ctx.names.open, ...ONE_OPEN });
  return {
    get: orders.get,
    forStation: (stationId) => orders.findAll({ where: { stationId }, order: by('issuedAt', 'desc') }),
    list: (q) => orders.find({ where: { regionCodes: q.regionCode }, anyOf: { state: q.states }, order: by('dueOn', 'asc') }, q),
    save: orders.save,
  };
}
