/**
 * The policy a pair actually runs with. In `complement` mode Microsoft's Defender XDR connector
 * already carries status, owner, classification, tags, severity, title and new comments inside
 * its tenant; a second syncer with a different table would make them oscillate, so
 * incident-bridge leaves those alone and carries only what the connector drops: the description.
 */
import type { PairConfig, PairPolicy } from '../../config/config.ts';

export function effectivePolicy(pair: Pick<PairConfig, 'mode' | 'policy'>): PairPolicy {
  if (pair.mode === 'full') return pair.policy;

  return {
    ...pair.policy,
    status: 'off',
    classification: 'off',
    owner: 'off',
    tags: 'off',
    comments: 'off',
    severity: 'off',
    title: 'off',
    description: 'defenderToSentinel',
  };
}
