/**
 * What replicas sharing one database rely on: claims that never hand one subject to two
 * workers, leases only one replica holds, and finished jobs whose result any replica can read.
 * Each test opens two stores on the same database, as two replicas would. The races run on
 * PostgreSQL only: a SQLite file serves a single replica.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { storeBackends, type TestDatabase } from '../support/storeBackends.ts';

const keepFirst = (queued: unknown) => queued;

function enqueue(store: Store, subjectKey: string) {
  return store.jobs.enqueue({ pairName: 'p', subjectKey, priority: 3, payload: {} }, keepFirst);
}

describe.each(await storeBackends())('replicas on $name', (backend) => {
  let database: TestDatabase;
  let replicaA: Store;
  let replicaB: Store;
  beforeEach(async () => {
    database = await backend.open();
    replicaA = database.store;
    replicaB = await database.openAnother();
  });
  afterEach(() => database.dispose());

  // Defined only where they apply, rather than reported as skipped elsewhere.
  function concurrently(name: string, test: () => Promise<void>): void {
    if (backend.sharedByReplicas) it(name, test);
  }

  concurrently('claims every job exactly once and never two of one subject at a time', async () => {
    for (let index = 0; index < 40; index += 1) await enqueue(replicaA, `pair-${index % 10}`);
    // Ten subjects: the queue merges repeats, so ten jobs wait.
    const running = new Set<string>();
    const claimedIds: string[] = [];
    let overlaps = 0;

    const drain = async (store: Store, worker: string) => {
      for (;;) {
        const job = await store.jobs.claim(worker, 30_000);
        if (!job) return;
        if (running.has(job.subjectKey)) overlaps += 1;
        running.add(job.subjectKey);
        claimedIds.push(job.id);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running.delete(job.subjectKey);
        await store.jobs.complete(job, worker, { ok: true, outcome: { by: worker } });
      }
    };
    await Promise.all([
      drain(replicaA, 'a/0'),
      drain(replicaA, 'a/1'),
      drain(replicaB, 'b/0'),
      drain(replicaB, 'b/1'),
    ]);

    expect(overlaps).toBe(0);
    expect(claimedIds).toHaveLength(10);
    expect(new Set(claimedIds).size).toBe(10);
  });

  concurrently('queues one job for a subject when two replicas enqueue it at once', async () => {
    const jobs = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        enqueue(index % 2 === 0 ? replicaA : replicaB, 'pair-1'),
      ),
    );
    expect(new Set(jobs.map((job) => job.id)).size).toBe(1);
  });

  it('refuses a second running job of a subject even when its lease ran out', async () => {
    const first = await enqueue(replicaA, 'pair-1');
    await replicaA.jobs.claim('a/0', -1);
    const second = await enqueue(replicaB, 'pair-1');
    expect(second.id).not.toBe(first.id);

    // The lapsed job is taken over first; its queued successor waits for it.
    expect((await replicaB.jobs.claim('b/0', 30_000))?.id).toBe(first.id);
    expect(await replicaB.jobs.claim('b/1', 30_000)).toBeUndefined();
  });

  it('renews a lease only for its holder, and lets a finished job be read by the other', async () => {
    const queued = await enqueue(replicaA, 'pair-1');
    const job = (await replicaA.jobs.claim('a/0', 1_000))!;
    expect(await replicaA.jobs.renew(job, 'a/0', 60_000)).toBe(true);
    expect(await replicaB.jobs.renew(job, 'b/0', 60_000)).toBe(false);
    expect(await replicaB.jobs.claim('b/0', 30_000)).toBeUndefined();

    await replicaA.jobs.complete(job, 'a/0', { ok: true, outcome: { outcome: 'written' } });
    const seen = await replicaB.jobs.find(queued.id);
    expect(seen).toMatchObject({
      status: 'done',
      result: { ok: true, outcome: { outcome: 'written' } },
    });
    expect(await replicaB.jobs.pruneFinished(60_000)).toBe(0);
    expect(await replicaB.jobs.pruneFinished(-1)).toBe(1);
    expect(await replicaB.jobs.find(queued.id)).toBeUndefined();
  });

  it('gives a lease to one replica at a time and to the other once it expires or is released', async () => {
    const [a, b] = await Promise.all([
      replicaA.leases.acquire('pair:contoso', 'a', 60_000),
      replicaB.leases.acquire('pair:contoso', 'b', 60_000),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const holder = a ? 'a' : 'b';
    const other = a ? 'b' : 'a';

    expect(await replicaA.leases.acquire('pair:contoso', holder, 60_000)).toBe(true);
    expect(await replicaB.leases.acquire('pair:contoso', other, 60_000)).toBe(false);
    await replicaA.leases.release('pair:contoso', holder);
    expect(await replicaB.leases.acquire('pair:contoso', other, -1)).toBe(true);
    // Expired at once: the first replica may take it back.
    expect(await replicaA.leases.acquire('pair:contoso', holder, 60_000)).toBe(true);
    expect((await replicaB.leases.live('pair:')).map((lease) => lease.owner)).toEqual([holder]);
  });

  it('answers an Idempotency-Key once across replicas and records a comment copy once', async () => {
    const claims = await Promise.all([
      replicaA.claimIdempotencyKey('key-1', 'PostIncidentUpdate', 'hash'),
      replicaB.claimIdempotencyKey('key-1', 'PostIncidentUpdate', 'hash'),
    ]);
    expect(claims.map((claim) => claim.kind).sort()).toEqual(['claimed', 'inProgress']);
    await replicaA.answerIdempotencyKey('key-1', 'PostIncidentUpdate', 200, { ok: true });
    expect(await replicaB.claimIdempotencyKey('key-1', 'PostIncidentUpdate', 'hash')).toEqual({
      kind: 'answered',
      status: 200,
      body: { ok: true },
    });

    const entry = { direction: 'defenderToSentinel' as const, sourceKey: 'c1', targetKeys: ['s1'] };
    await Promise.all([
      replicaA.recordComment('link-1', entry),
      replicaB.recordComment('link-1', { ...entry, targetKeys: ['s2'] }),
    ]);
    expect(await replicaA.listCommentLedger('link-1')).toHaveLength(1);

    await replicaA.setCursor('p', 'defender', '2026-12-01T00:00:00.000Z');
    await replicaB.setCursor('p', 'defender', '2026-12-02T00:00:00.000Z');
    expect(await replicaA.getCursor('p', 'defender')).toBe('2026-12-02T00:00:00.000Z');
  });
});
