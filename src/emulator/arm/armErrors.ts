/**
 * Error answers of Azure Resource Manager and the Sentinel resource provider:
 * `{"error":{"code","message"}}` (the `CloudError` definition of the 2025-09-01 spec).
 */
import type { Response } from 'express';

export function sendArmError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

export function sendArmBadRequest(res: Response, message: string): void {
  sendArmError(res, 400, 'BadRequest', message);
}

/** The stale-etag answer playbooks meet (`Newer version of resource ... exists`). */
export function sendArmEtagConflict(res: Response, resourceName: string): void {
  sendArmError(
    res,
    409,
    'Conflict',
    `Newer version of resource '${resourceName}' exists. Data was not saved`,
  );
}

export function sendArmNotFound(res: Response, what: string): void {
  sendArmError(res, 404, 'NotFound', `${what} was not found`);
}
