/**
 * The part of the Graph client that enrichment providers use: user profiles with their
 * manager, and identity risk. Providers depend on this narrow view, so a test can hand them a
 * small fake and a team's own provider sees only what it needs.
 */
import type { GraphSecurityClient } from './graphSecurityClient.ts';

export type GraphDirectoryClient = Pick<GraphSecurityClient, 'getUserProfile' | 'getRiskyUser'>;
