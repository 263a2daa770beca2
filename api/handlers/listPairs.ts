import type { PairList } from '../contractTypes.ts';
import type { Handler } from './handler.ts';

/** The configured pairs, for the connector's pair dropdown; no Azure call is made. */
export const listPairs: Handler = (_req, res, services) => {
  const body: PairList = {
    pairs: services.pairs.all().map(({ config }) => ({
      name: config.name,
      mode: config.mode,
      defenderTenantId: config.defender.tenantId,
      sentinelSubscriptionId: config.sentinel.subscriptionId,
      sentinelResourceGroupName: config.sentinel.resourceGroupName,
      sentinelWorkspaceName: config.sentinel.workspaceName,
    })),
  };
  res.json(body);
};
