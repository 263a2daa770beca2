/**
 * An error the API answers as an RFC 9457 problem (`application/problem+json`). Handlers throw
 * it; the error middleware writes it. `errors` names each offending field and, where the field
 * takes a fixed set, the values it accepts.
 */
import { PROBLEM_CODES, problemType, type ProblemCode } from './problemCodes.ts';

export interface ProblemFieldError {
  field: string;
  message: string;
  acceptedValues: string[];
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  instance?: string;
  requestId?: string;
  errors: ProblemFieldError[];
}

export class ProblemError extends Error {
  readonly status: number;

  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors: ProblemFieldError[] = [],
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.status = PROBLEM_CODES[code].status;
  }

  toBody(instance?: string, requestId?: string): ProblemBody {
    return {
      type: problemType(this.code),
      title: PROBLEM_CODES[this.code].title,
      status: this.status,
      code: this.code,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(requestId ? { requestId } : {}),
      errors: this.errors,
    };
  }
}
