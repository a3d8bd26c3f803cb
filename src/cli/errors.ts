import { CommanderError } from 'commander';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../domain/errors';

// The one place the CLI turns an error kind into a message and an exit code.
export function exitCodeFor(error: unknown): { code: number; message: string } {
  if (error instanceof ValidationError)
    return { code: 2, message: `Invalid input: ${error.message}` };
  if (error instanceof NotFoundError) return { code: 3, message: error.message };
  if (error instanceof ConflictError) return { code: 4, message: error.message };
  if (error instanceof ForbiddenError || error instanceof UnauthenticatedError)
    return { code: 5, message: error.message };
  if (error instanceof CommanderError) return { code: error.exitCode || 2, message: '' };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 1, message: `Unexpected error: ${message}` };
}
