/**
 * The error an Azure SDK call rejected with, for asserting on status, code and message.
 */
import { isRestError, type RestError } from '@azure/core-rest-pipeline';

export async function restErrorOf(call: Promise<unknown>): Promise<RestError> {
  try {
    await call;
  } catch (error) {
    if (isRestError(error)) return error;
    throw error;
  }
  throw new Error('The call succeeded; a RestError was expected');
}
