/**
 * The independent model of a chaos run. Each field is edited by one side only (Defender owns
 * status and classification, Sentinel owns the owner; each side owns its tags), so the state a
 * correct sync must reach follows from the edit log alone, whatever the interleaving of syncs,
 * faults and crashes.
 */
export interface ExpectedPair {
  status: 'active' | 'inProgress' | 'resolved';
  classification: string;
  determination: string;
  owner: string | null;
  defenderTags: Set<string>;
  sentinelTags: Set<string>;
  defenderComments: string[];
  sentinelComments: string[];
}

export class ChaosModel {
  readonly pairs: ExpectedPair[];
  /** Edits that must reach the other side: field edits of Defender, then of Sentinel. */
  defenderFieldEdits = 0;
  sentinelFieldEdits = 0;

  constructor(count: number) {
    this.pairs = Array.from({ length: count }, () => ({
      status: 'active',
      classification: 'unknown',
      determination: 'unknown',
      owner: null,
      defenderTags: new Set<string>(),
      sentinelTags: new Set<string>(),
      defenderComments: [],
      sentinelComments: [],
    }));
  }

  pair(index: number): ExpectedPair {
    const pair = this.pairs[index];
    if (!pair) throw new Error(`no pair ${index}`);
    return pair;
  }
}
