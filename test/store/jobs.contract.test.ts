import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeBackends, type TestDatabase } from '../support/storeBackends.ts';

describe.each(await storeBackends())('jobs on $name', (backend) => {
  let temp: TestDatabase;
  beforeEach(async () => {
    temp = await backend.open();
  });
  afterEach(() => temp.dispose());

  const mergeReasons = (queued: unknown, incoming: unknown) => ({
    reasons: [
      ...(queued as { reasons: string[] }).reasons,
      ...(incoming as { reasons: string[] }).reasons,
    ],
  });

  function enqueue(subjectKey: string, reason: string, priority = 3) {
    return temp.store.jobs.enqueue(
      { pairName: 'p', subjectKey, priority, payload: { reasons: [reason] } },
      mergeReasons,
    );
  }

  describe('the job queue', () => {
    it('merges work for a subject that already has a job waiting', async () => {
      const first = await enqueue('pair-1', 'defender changed', 4);
      const second = await enqueue('pair-1', 'sentinel changed', 1);
      await enqueue('pair-1', 'api update', 2);

      expect(second.id).toBe(first.id);
      const claimed = await temp.store.jobs.claim('w1', 10_000);
      expect(claimed?.payload).toEqual({
        reasons: ['defender changed', 'sentinel changed', 'api update'],
      });
      expect(claimed?.priority).toBe(1);
    });

    it('never hands out two jobs of one subject at once', async () => {
      await enqueue('pair-1', 'a');
      const running = await temp.store.jobs.claim('w1', 10_000);
      await enqueue('pair-1', 'b');
      await enqueue('pair-2', 'c');

      const next = await temp.store.jobs.claim('w2', 10_000);
      expect(next?.subjectKey).toBe('pair-2');
      expect(await temp.store.jobs.claim('w2', 10_000)).toBeUndefined();

      await temp.store.jobs.complete(running!, 'w1');
      expect((await temp.store.jobs.claim('w2', 10_000))?.payload).toEqual({ reasons: ['b'] });
    });

    it('serves the most urgent subject first', async () => {
      await enqueue('reconcile', 'sweep', 5);
      await enqueue('closure', 'closed', 0);
      expect((await temp.store.jobs.claim('w', 1000))?.subjectKey).toBe('closure');
    });

    it('gives a job whose worker died to another worker once the lease runs out', async () => {
      await enqueue('pair-1', 'a');
      const lost = await temp.store.jobs.claim('dead-worker', -1);
      const retaken = await temp.store.jobs.claim('w2', 10_000);

      expect(retaken?.id).toBe(lost?.id);
      expect(retaken?.attempts).toBe(2);
      await temp.store.jobs.complete(lost!, 'dead-worker');
      expect(await temp.store.jobs.find(lost!.id)).toBeDefined();
    });

    it('waits out a retry and keeps dead letters with their planned write until replayed', async () => {
      await enqueue('pair-1', 'a');
      const job = (await temp.store.jobs.claim('w', 10_000))!;
      await temp.store.jobs.fail(job, 'w', {
        error: 'throttled',
        retryAt: new Date(Date.now() + 60_000),
      });
      expect(await temp.store.jobs.claim('w', 10_000)).toBeUndefined();

      await enqueue('pair-2', 'b');
      const other = (await temp.store.jobs.claim('w', 10_000))!;
      await temp.store.jobs.fail(other, 'w', {
        error: 'Sentinel refused',
        plannedWrite: { status: 'Closed' },
      });

      const [dead] = await temp.store.jobs.deadLetters();
      expect(dead).toMatchObject({
        id: other.id,
        lastError: 'Sentinel refused',
        plannedWrite: { status: 'Closed' },
      });
      expect(await temp.store.jobs.depth()).toEqual([
        { pairName: 'p', queued: 1, running: 0, dead: 1 },
      ]);

      await temp.store.jobs.replay(other.id);
      expect((await temp.store.jobs.claim('w', 10_000))?.id).toBe(other.id);
    });
  });
});
