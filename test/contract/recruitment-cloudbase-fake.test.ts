/**
 * The recruitment and notice storage contract against the CloudBase adapter over the SDK test
 * double, once per SDK flavour; then what the adapter stores (no openid or ID hash in a document
 * id, scores under safe keys), that a failed write inside an application insert leaves nothing
 * half-written, that transactions touch documents by `_id` only, that updates are conditional on
 * the version, that the purge is one request, and that no read asks for more than 100 documents.
 */
import {
  applicationApplicantGuardDocId,
  applicationIdGuardDocId,
  applicationRequestDocId,
  createCloudbaseNoticeRepository,
  createCloudbaseRecruitmentRepository,
  stationsForAppointments,
} from '../../adapters/cloudbase/recruitment';
import { createCloudbaseStationRepository } from '../../adapters/cloudbase/stations';
import { pinyinOf } from '../../adapters/pinyin';
import { AppError } from '../../core/shared/errors';
import { createFakeCloudbase, type FakeCloudbase, type SdkFlavour } from '../support/fake-cloudbase';
import { STATIONS } from '../support/stations';
import { onFakeCloudbase } from '../support/store-runners';
import { application, describeRecruitmentStoreContract, notice, post } from './recruitment.contract';

const quickBackoff = () => new Promise<void>((r) => setTimeout(r, Math.floor(Math.random() * 3)));

function stores(fake: FakeCloudbase, prefix = '') {
  const options = { sdk: fake.flavour, prefix, backoff: quickBackoff };
  return { recruitment: createCloudbaseRecruitmentRepository(fake.db, options), notices: createCloudbaseNoticeRepository(fake.db, options) };
}

for (const [name, open] of onFakeCloudbase((fake) => stores(fake, 't_'))) describeRecruitmentStoreContract(name, open, { concurrency: 12 });

const COLLECTIONS = ['posts', 'applications', 'application_requests', 'training_records', 'notices', 'objections'];
const snapshot = (fake: FakeCloudbase) => JSON.stringify(COLLECTIONS.map((c) => fake.dump(c)));

describe('cloudbase recruitment adapter details', () => {
  test('stored shapes: the record plus the fields queries use; guards and request keys by hashed _id', async () => {
    const fake = createFakeCloudbase();
    const { recruitment } = stores(fake);
    const a = application({
      postId: 'p1',
      applicantOpenid: 'o-applicant-1',
      idHash: 'keyed-hash-1',
      scores: [{ reviewerOpenid: 'r1', byCriterion: { '电商.技能': 80, $分: 70 }, at: '2026-09-22T00:00:00.000Z' }],
    });
    await recruitment.insertApplication(a, 'o-applicant-1:req-1');
    const [doc] = fake.dump('applications');
    expect(doc).toEqual({
      _id: a.id,
      application: { ...a, scores: [{ reviewerOpenid: 'r1', at: '2026-09-22T00:00:00.000Z', byCriterion: [{ c: '电商.技能', v: 80 }, { c: '$分', v: 70 }] }] },
      postId: 'p1',
      applicant: 'o-applicant-1',
      idHash: 'keyed-hash-1',
      status: 'submitted',
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      version: 1,
      purged: false,
    });
    expect(await recruitment.getApplication(a.id)).toEqual(a);
    const requests = fake.dump('application_requests');
    expect(requests.map((d) => d._id).sort()).toEqual([applicationRequestDocId('o-applicant-1:req-1'), applicationIdGuardDocId('p1', 'keyed-hash-1'), applicationApplicantGuardDocId('p1', 'o-applicant-1')].sort());
    for (const d of requests) {
      expect(d._id).not.toContain('o-applicant-1');
      expect(d._id).not.toContain('keyed-hash-1');
      expect(JSON.stringify(d)).not.toContain('o-applicant-1');
      expect(JSON.stringify(d)).not.toContain('keyed-hash-1');
    }
    const p = post();
    await recruitment.insertPost(p);
    expect(fake.dump('posts')).toEqual([{ _id: p.id, post: p, status: p.status, version: 1, createdAt: p.createdAt, regionCodes: p.regionCodes }]);
  });

  // An insert writes four documents: the application, the ID guard, the applicant guard, the request key.
  test.each([1, 2, 3, 4])('a failure at write %i of an application insert leaves nothing half-written; the retry succeeds', async (n) => {
    for (const flavour of ['wx-server-sdk', 'node-sdk'] as SdkFlavour[]) {
      const fake = createFakeCloudbase({ flavour });
      const { recruitment } = stores(fake);
      await recruitment.insertApplication(application({ postId: 'p1' }), 'k0');
      const before = snapshot(fake);
      const a = application({ postId: 'p1' });
      fake.failTransactionWrite(n);
      const err = await recruitment.insertApplication(a, 'k1').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('UNAVAILABLE');
      expect(snapshot(fake)).toBe(before);
      expect(await recruitment.insertApplication(a, 'k1')).toEqual({ application: a, created: true });
      expect(await recruitment.insertApplication(a, 'k1')).toEqual({ application: a, created: false });
    }
  });

  test('inside transactions only single documents by _id (the double refuses anything else)', async () => {
    const fake = createFakeCloudbase({ flavour: 'node-sdk' });
    const { recruitment } = stores(fake);
    await recruitment.insertApplication(application({ postId: 'p1', idHash: 'H' }), 'k1');
    await recruitment.insertApplication(application({ postId: 'p1', idHash: 'H2' }), 'k1');
    await recruitment.insertApplication(application({ postId: 'p1', idHash: 'H' }), 'k2').catch(() => undefined);
    const txOps = fake.log.filter((e) => e.op.startsWith('tx.'));
    expect(new Set(txOps.map((e) => e.op))).toEqual(new Set(['tx.start', 'tx.get', 'tx.add', 'tx.commit']));
  });

  test('updates are one conditional request on _id and version; a lost race writes nothing', async () => {
    const fake = createFakeCloudbase();
    const { recruitment, notices } = stores(fake);
    const p = post();
    await recruitment.insertPost(p);
    const n = notice();
    await notices.insert(n);
    fake.log.length = 0;
    // Two officials read version 1 and both write: the second loses.
    const first = recruitment.updatePost({ ...p, status: 'reviewing', version: 2 }, 1);
    const second = recruitment.updatePost({ ...p, status: 'cancelled', version: 2 }, 1);
    const results = await Promise.allSettled([first, second]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await recruitment.getPost(p.id))?.status).toBe('reviewing');
    expect(fake.log.filter((e) => e.op === 'update')).toHaveLength(2);
    expect(fake.log.filter((e) => e.op.startsWith('tx.') || e.op === 'doc.set')).toEqual([]);
    await notices.update({ ...n, status: 'closed', outcome: 'approved', version: 2 }, 1);
    expect(fake.dump('notices')[0]).toMatchObject({ status: 'closed', version: 2, notice: { outcome: 'approved' } });
  });

  test('the purge is one request, and running it again changes nothing', async () => {
    const fake = createFakeCloudbase();
    const { recruitment } = stores(fake);
    for (let i = 0; i < 5; i++) await recruitment.insertApplication(application({ status: i % 2 ? 'unsuccessful' : 'reserve', updatedAt: '2026-09-21T00:00:00.000Z' }), `k${i}`);
    fake.log.length = 0;
    expect(await recruitment.purgePersonalData(['unsuccessful'], '2026-10-01T00:00:00.000Z', '2027-04-01T00:00:00.000Z')).toBe(2);
    expect(fake.log.map((e) => e.op)).toEqual(['update']);
    const docs = fake.dump('applications');
    const purged = docs.filter((d) => d.purged === true);
    expect(purged).toHaveLength(2);
    for (const d of purged) expect(d.application).toMatchObject({ idCipher: null, phoneCipher: null, idMasked: '已清除', statement: '', purgedAt: '2027-04-01T00:00:00.000Z' });
    expect(JSON.stringify(purged)).not.toContain('k1.iv.tag');
    expect(await recruitment.purgePersonalData(['unsuccessful'], '2026-10-01T00:00:00.000Z', '2027-04-02T00:00:00.000Z')).toBe(0);
  });

  test('never asks for more than 100 documents at once', async () => {
    const fake = createFakeCloudbase();
    const { recruitment, notices } = stores(fake);
    for (let i = 0; i < 130; i++) await recruitment.insertApplication(application({ postId: 'p-big' }), `k${i}`);
    for (let i = 0; i < 105; i++) await notices.insertObjection({ id: `obj-${i}`, noticeId: 'n1', objectorOpenid: 'o', realName: '李四', phoneCipher: 'c', phoneMasked: 'm', text: '请核实此人情况是否属实。', status: 'received', response: null, createdAt: `2026-10-08T00:00:${String(i % 60).padStart(2, '0')}.000Z`, updatedAt: '', version: 1 });
    expect((await recruitment.listApplications({ postId: 'p-big', offset: 0, limit: 500 })).items).toHaveLength(130);
    expect(await notices.listObjections('n1')).toHaveLength(105);
    for (const g of fake.log.filter((e) => e.op === 'get')) expect(g.limit).toBeLessThanOrEqual(100);
  });

  test.each(['wx-server-sdk', 'node-sdk'] as SdkFlavour[])('stationsForAppointments (%s): writes the contact person and updatedAt only, without pinyin; reads as usual', async (flavour) => {
    const fake = createFakeCloudbase({ flavour });
    await createCloudbaseStationRepository(fake.db, { pinyin: pinyinOf, sdk: flavour }).upsertMany(STATIONS);
    const stations = stationsForAppointments(fake.db, { sdk: flavour });
    const s = STATIONS[0];
    const before = fake.dump('stations').find((d) => d._id === s.id)!;
    expect(await stations.get(s.id)).toEqual(s);
    // Only the contact person and updatedAt are written.
    await stations.setContactPerson(s.id, '谢春生', '2026-10-13T00:00:00.000Z');
    const after = fake.dump('stations').find((d) => d._id === s.id)!;
    expect(after).toEqual({ ...before, rev: after.rev, station: { ...(before.station as object), contact: { ...s.contact, personName: '谢春生' }, updatedAt: '2026-10-13T00:00:00.000Z' } });
    // A new revision, so containers that parsed the station read it again.
    expect(after.rev).not.toBe(before.rev);
    expect((await stations.get(s.id))?.contact.personName).toBe('谢春生');
    // A station that does not exist is not created.
    await stations.setContactPerson('st-missing-000', '谢春生', '2026-10-13T00:00:00.000Z');
    expect(await stations.get('st-missing-000')).toBeNull();
    expect(fake.dump('stations')).toHaveLength(STATIONS.length);
  });
});
