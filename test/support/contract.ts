/** Checks an API answer against the contract's schema for its operation and status. */
import { expect } from 'vitest';
import type { Response } from 'supertest';
import { ContractValidator } from '../../api/validation/contractValidator.ts';

const contract = new ContractValidator();

export function expectContractResponse(operationId: string, response: Response): void {
  const validators = contract.for(operationId);
  const validate = validators.responses[String(response.status)];
  expect(validate, `the contract declares ${response.status} for ${operationId}`).toBeDefined();
  if (!validate) return;

  const expectedType = validators.operation.responses[String(response.status)]?.mediaType;
  if (expectedType) expect(response.headers['content-type']).toContain(expectedType);
  const valid = validate(response.body);
  expect(
    valid ? [] : validate.errors,
    `${operationId} ${response.status} matches the contract`,
  ).toEqual([]);
}
