import type { Request, Response } from 'express';
import type { AppServices } from '../appServices.ts';

/** One operation of the contract. Validation has run; the handler delegates and shapes. */
export type Handler = (req: Request, res: Response, services: AppServices) => Promise<void> | void;

/** The query after contract validation: typed and coerced. */
export function checkedQuery<T>(res: Response): T {
  return (res.locals['query'] ?? {}) as T;
}
