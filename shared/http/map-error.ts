import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitedError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from '#shared/errors';
import { logger } from '#shared/logger';
import { respond } from './responses';

const STATUS: [new (...args: never[]) => DomainError, number][] = [
  [ValidationError, 400],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [PreconditionFailedError, 412],
  [RateLimitedError, 429],
  [UnavailableError, 503],
];

/** The one place errors become responses. Unknown errors are 500 with nothing internal in them. */
export function mapError(error: unknown): APIGatewayProxyStructuredResultV2 {
  if (error instanceof DomainError) {
    const status = STATUS.find(([type]) => error instanceof type)?.[1] ?? 400;
    const headers: Record<string, string> =
      error instanceof RateLimitedError || error instanceof UnavailableError
        ? { 'retry-after': String(error.retryAfterSeconds) }
        : {};
    return respond(status, { code: error.code, message: error.message, details: error.details }, headers);
  }
  logger.error('unhandled error', {
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
  return respond(500, { code: 'internal_error', message: 'Internal server error', details: [] });
}
