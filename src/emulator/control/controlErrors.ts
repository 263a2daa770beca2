/**
 * Error answers of the control API: `{"error":{"code","message"}}`, with the seed problems
 * listed when a seed was refused.
 */
import type { Response } from 'express';

import { EmulatorSeedError } from '../seed.ts';
import { EmulatorStateError } from '../state/emulatorStateError.ts';

const STATE_ERROR_STATUS = { notFound: 404, ambiguous: 409, invalid: 400 } as const;

export function sendControlError(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ error: { code, message } });
}

/** Answers the errors control operations expect; anything else is rethrown. */
export function answerControlFailure(res: Response, error: unknown): void {
  if (error instanceof EmulatorStateError) {
    return sendControlError(res, STATE_ERROR_STATUS[error.code], error.code, error.message);
  }
  if (error instanceof EmulatorSeedError) {
    res.status(400).json({
      error: { code: 'invalidSeed', message: error.message, problems: error.problems },
    });
    return;
  }
  if (error instanceof TypeError) return sendControlError(res, 400, 'invalid', error.message);
  throw error;
}
