/**
 * The storage contract of RoleRepository, AuditRepository and CalendarRepository (core/ports.ts):
 * one suite every adapter (SQLite, CloudBase through the fake SDK, CloudBase for real) must pass as is.
 */
import type { ApiKey, ApiKeyRepository } from '../../core/open311/keys';
import type { AuditRepository, CalendarRepository, RoleRepository } from '../../core/ports';
import { adminYear, at, auditEntry, binding, CS, OPERATOR_A } from '../support/complaint-fixtures';
import { expectCode } from './expect';
import { timedTest, useStore, type StoreLifecycle } from '../support/store-hooks';

export interface AdminStoreHandle extends StoreLifecycle {
  roles: RoleRepository;
  audit: AuditRepository;
  calendars: CalendarRepository;
  apiKeys: ApiKeyRepository;
}

export function describeAdminStoreContract(name: string, makeStores: () => Promise<AdminStoreHandle>, options: { timeoutMs?: number } = {}): void {
  const timeout = options.timeoutMs ?? 5000;
  const timed = timedTest(timeout);

  describe(`${name}: roles, audit and calendar store contract`, () => {
    let h: AdminStoreHandle;
    useStore(makeStores, (opened) => (h = opened), { openTimeout: timeout * 4, disposeTimeout: timeout * 4 });

    describe('roles', () => {
      const county = binding('b-county', 'o-county-0001', 'county_official', { kind: 'region', regionCode: '360731' }, at(1));
      const head = binding('b-head', 'o-head-0001', 'station_head', { kind: 'station', stationId: CS.shuitou.stationId }, at(2));
      const city = binding('b-city', 'o-county-0001', 'city_supervisor', { kind: 'region', regionCode: '3607' }, at(0));
      const staff = binding('b-staff', 'o-staff-0001', 'operator_staff', { kind: 'operator', operatorName: OPERATOR_A }, at(3));

      timed('insert, get, activeFor (in grant order) and list of active bindings with paging', async () => {
        for (const b of [county, head, city, staff]) await h.roles.insert(b);
        expect(await h.roles.get('b-head')).toEqual(head);
        expect(await h.roles.get('nope')).toBeNull();
        expect(await h.roles.activeFor('o-county-0001')).toEqual([city, county]);
        expect(await h.roles.activeFor('o-nobody')).toEqual([]);
        expect(await h.roles.list({ offset: 0, limit: 3 })).toEqual({ items: [city, county, head], hasMore: true });
        expect(await h.roles.list({ offset: 3, limit: 3 })).toEqual({ items: [staff], hasMore: false });
      });

      timed('revoke once: the binding stops counting and records who and when', async () => {
        for (const b of [county, head, city]) await h.roles.insert(b);
        expect(await h.roles.revoke('b-county', 'o-admin-0001', at(9))).toBe(true);
        expect(await h.roles.revoke('b-county', 'o-admin-0002', at(10))).toBe(false);
        expect(await h.roles.revoke('nope', 'o-admin-0001', at(10))).toBe(false);
        expect(await h.roles.get('b-county')).toEqual({ ...county, revokedAt: at(9), revokedBy: 'o-admin-0001' });
        expect(await h.roles.activeFor('o-county-0001')).toEqual([city]);
        expect(await h.roles.list({ offset: 0, limit: 10 })).toEqual({ items: [city, head], hasMore: false });
      });

      timed('claim an invitation once: the placeholder gives way to the openid, the invite is cleared, a revoked one cannot be claimed', async () => {
        const pending = 'invite:hash-0001';
        const invited = { ...binding('b-invite', pending, 'county_official', { kind: 'region', regionCode: '360731' }, at(4)), holderName: '刘芳', invite: { expiresAt: at(40) } };
        const withdrawn = { ...binding('b-withdrawn', 'invite:hash-0002', 'county_official', { kind: 'region', regionCode: '360781' }, at(5)), invite: { expiresAt: at(40) } };
        for (const b of [invited, withdrawn]) await h.roles.insert(b);
        expect(await h.roles.activeFor(pending)).toEqual([invited]);

        expect(await h.roles.claim('b-invite', 'invite:wrong', 'o-new-0001')).toBe(false);
        expect(await h.roles.claim('b-invite', pending, 'o-new-0001')).toBe(true);
        expect(await h.roles.claim('b-invite', pending, 'o-other-0001')).toBe(false);
        const claimed = { ...invited, openid: 'o-new-0001', invite: null };
        expect(await h.roles.get('b-invite')).toEqual(claimed);
        expect(await h.roles.activeFor('o-new-0001')).toEqual([claimed]);
        expect(await h.roles.activeFor(pending)).toEqual([]);

        expect(await h.roles.revoke('b-withdrawn', 'o-admin-0001', at(6))).toBe(true);
        expect(await h.roles.claim('b-withdrawn', 'invite:hash-0002', 'o-new-0001')).toBe(false);
        expect(await h.roles.claim('nope', pending, 'o-new-0001')).toBe(false);
      });
    });

    describe('audit', () => {
      timed('append and list newest first (ties by id), filtered by resource and/or action, paged', async () => {
        const e = [
          auditEntry('a1', at(1), 'role.grant', 'binding:b1'),
          auditEntry('a2', at(3), 'complaint.detail', 'complaint:k1', { outcome: 'denied', detail: 'out-of-scope' }),
          auditEntry('a3', at(2), 'role.revoke', 'binding:b1'),
          auditEntry('a4', at(3), 'complaint.accept', 'complaint:k1', { outcome: 'allowed', actorOpenid: null }),
          auditEntry('a5', at(4), 'role.grant', 'binding:b2'),
        ];
        for (const x of e) await h.audit.append(x);
        expect(await h.audit.list({ offset: 0, limit: 10 })).toEqual({ items: [e[4], e[1], e[3], e[2], e[0]], hasMore: false });
        expect(await h.audit.list({ offset: 1, limit: 2 })).toEqual({ items: [e[1], e[3]], hasMore: true });
        expect(await h.audit.list({ resource: 'binding:b1', offset: 0, limit: 10 })).toEqual({ items: [e[2], e[0]], hasMore: false });
        expect(await h.audit.list({ action: 'role.grant', offset: 0, limit: 10 })).toEqual({ items: [e[4], e[0]], hasMore: false });
        expect(await h.audit.list({ action: 'role.grant', resource: 'binding:b2', offset: 0, limit: 10 })).toEqual({ items: [e[4]], hasMore: false });
        expect(await h.audit.list({ resource: 'nothing', offset: 0, limit: 10 })).toEqual({ items: [], hasMore: false });
      });
    });

    describe('calendar', () => {
      timed('saved years come back in year order; saving a year again replaces it', async () => {
        expect(await h.calendars.adminYears()).toEqual([]);
        const y2027 = adminYear(2027, ['2027-01-01', '2027-02-08'], ['2027-02-20']);
        const y2026 = adminYear(2026, ['2026-10-01']);
        await h.calendars.saveYear(y2027, 'o-admin-0001', at(1));
        await h.calendars.saveYear(y2026, 'o-admin-0001', at(2));
        expect(await h.calendars.adminYears()).toEqual([y2026, y2027]);
        const corrected = adminYear(2027, ['2027-01-01'], []);
        await h.calendars.saveYear(corrected, 'o-admin-0002', at(3));
        expect(await h.calendars.adminYears()).toEqual([y2026, corrected]);
      });
    });

    describe('API keys', () => {
      const key = (id: string, hash: string, n: number): ApiKey => ({ id, name: `平台${id}`, keyHash: hash, createdAt: at(n), createdBy: 'o-admin-0001', revokedAt: null, revokedBy: null });

      timed('insert, find the active key by hash, list newest first, revoke once', async () => {
        const a = key('k-a', 'hash-a', 1);
        const b = key('k-b', 'hash-b', 2);
        await h.apiKeys.insert(a);
        await h.apiKeys.insert(b);
        expect(await h.apiKeys.findActive('hash-a')).toEqual(a);
        expect(await h.apiKeys.findActive('hash-x')).toBeNull();
        expect(await h.apiKeys.list()).toEqual([b, a]);
        expect(await h.apiKeys.revoke('k-a', 'o-admin-0002', at(5))).toBe(true);
        expect(await h.apiKeys.revoke('k-a', 'o-admin-0003', at(6))).toBe(false);
        expect(await h.apiKeys.revoke('nope', 'o-admin-0003', at(6))).toBe(false);
        expect(await h.apiKeys.findActive('hash-a')).toBeNull();
        expect(await h.apiKeys.list()).toEqual([b, { ...a, revokedAt: at(5), revokedBy: 'o-admin-0002' }]);
        // A revoked key's hash may be issued again (a new key that happens to collide is still found).
        const again = key('k-c', 'hash-a', 7);
        await h.apiKeys.insert(again);
        expect(await h.apiKeys.findActive('hash-a')).toEqual(again);
      });
    });

    timed('an unreachable store answers UNAVAILABLE everywhere', async () => {
      await h.breakStore();
      await expectCode(h.roles.activeFor('o-county-0001'), 'UNAVAILABLE');
      await expectCode(h.roles.list({ offset: 0, limit: 10 }), 'UNAVAILABLE');
      await expectCode(h.audit.append(auditEntry('a1', at(1), 'x', 'y')), 'UNAVAILABLE');
      await expectCode(h.calendars.adminYears(), 'UNAVAILABLE');
      await expectCode(h.apiKeys.findActive('hash-a'), 'UNAVAILABLE');
    });
  });
}
