/**
 * Directory facts about user accounts from Microsoft Graph: department, job title, manager,
 * whether the account is enabled, and (where the tenant allows it) the Entra ID Protection
 * risk level.
 */
import type { EnrichmentProvider, FindingSignals, ProviderFinding } from '../enrichmentProvider.ts';

export interface GraphUserProviderOptions {
  includeRiskLevel: boolean;
  maxLookups: number;
}

export function graphUserProvider(options: GraphUserProviderOptions): EnrichmentProvider {
  return {
    name: 'graphUsers',
    kinds: ['Account'],
    requires: ['directory'],
    concurrency: 2,
    maxTargets: options.maxLookups,
    accepts: (target) => Boolean(target.attributes['aadUserId'] || target.attributes['upn']),
    lookup: async ([target], context) => {
      if (!target) return [];
      const directory = context.directory!;
      const id = target.attributes['aadUserId'] || target.attributes['upn'] || '';
      const user = await directory.getUserProfile(id, { abortSignal: context.signal });
      if (!user) {
        return [
          { targetKey: target.key, summary: 'Not found in the directory', facts: { found: false } },
        ];
      }

      const risk = options.includeRiskLevel
        ? await directory.getRiskyUser(user.id, { abortSignal: context.signal })
        : 'unavailable';
      const riskLevel =
        typeof risk === 'string' ? (risk === 'none' ? 'none' : '') : String(risk.riskLevel ?? '');
      const facts: Record<string, string | boolean> = {
        found: true,
        displayName: user.displayName ?? '',
        department: user.department ?? '',
        jobTitle: user.jobTitle ?? '',
        manager: user.manager?.displayName ?? user.manager?.userPrincipalName ?? '',
        accountEnabled: user.accountEnabled !== false,
        userType: user.userType ?? '',
        riskLevel: riskLevel || (risk === 'unavailable' ? 'unavailable' : ''),
      };

      const signals: FindingSignals = { accountDisabled: user.accountEnabled === false };
      if (riskLevel) signals.userRisk = riskLevel as NonNullable<FindingSignals['userRisk']>;
      const role = [user.jobTitle, user.department].filter(Boolean).join(', ');
      const parts = [
        user.displayName ?? user.userPrincipalName,
        role,
        facts['manager'] ? `manager ${String(facts['manager'])}` : '',
        user.accountEnabled === false ? 'account disabled' : '',
        riskLevel && riskLevel !== 'none' ? `risk ${riskLevel}` : '',
      ];
      const finding: ProviderFinding = {
        targetKey: target.key,
        summary: parts.filter(Boolean).join('; '),
        facts,
        signals,
        source: 'Microsoft Graph directory',
      };
      return [finding];
    },
  };
}
