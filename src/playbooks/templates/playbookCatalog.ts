/** Every playbook the project ships, in the order the deploy guide lists them. */
import { closeDefenderIncidentOnClose } from './closeDefenderIncidentOnClose.ts';
import { enrichIncidentOnCreate } from './enrichIncidentOnCreate.ts';
import type { PlaybookSpec } from './playbookSpec.ts';
import { reconcileScheduled } from './reconcileScheduled.ts';
import { syncIncidentOnUpdate } from './syncIncidentOnUpdate.ts';
import { syncIncidentOnUpdateManagedIdentity } from './syncIncidentOnUpdateManagedIdentity.ts';

export const PLAYBOOKS: readonly PlaybookSpec[] = [
  syncIncidentOnUpdate,
  enrichIncidentOnCreate,
  closeDefenderIncidentOnClose,
  reconcileScheduled,
  syncIncidentOnUpdateManagedIdentity,
];
