import type { Health } from '../contractTypes.ts';
import { checkedQuery, type Handler } from './handler.ts';

/** Liveness: the process answers. Readiness: the store answers and pairs are configured. */
export const getHealth: Handler = async (_req, res, services) => {
  const { probe = 'readiness' } = checkedQuery<{ probe?: Health['probe'] }>(res);
  const checks: Health['checks'] = [];

  if (probe === 'readiness') {
    checks.push(await storeCheck(services.store.ping.bind(services.store)));
    const pairCount = services.pairs.all().length;
    checks.push({
      name: 'pairs',
      status: pairCount > 0 ? 'pass' : 'fail',
      detail: `${pairCount} pair(s) configured`,
    });
  }

  const healthy = checks.every((check) => check.status === 'pass');
  const body: Health = {
    status: healthy ? 'pass' : 'fail',
    probe,
    version: services.version,
    mode: services.mode,
    checks,
  };
  res.status(healthy ? 200 : 503).json(body);
};

async function storeCheck(ping: () => Promise<boolean>): Promise<Health['checks'][number]> {
  try {
    await ping();
    return { name: 'store', status: 'pass', detail: 'store answers' };
  } catch {
    return { name: 'store', status: 'fail', detail: 'store does not answer' };
  }
}
