/**
 * Domain errors carry a stable snake_case `code` and no HTTP status; the edge mapper
 * (shared/http/map-error.ts) decides the status from the class.
 */
export interface ErrorDetail {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details: ErrorDetail[] = [], code = 'validation_error') {
    super(code, message, details);
  }
}

/** A listing's `cursor` that this listing never handed out (garbage, another listing's, or tampered with). */
export class InvalidCursorError extends ValidationError {
  constructor(reason = 'not a cursor of this listing', path = 'query.cursor') {
    super('cursor is not valid for this listing', [{ path, message: reason }], 'invalid_cursor');
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'A valid bearer token is required') {
    super('unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You may not act on this tenant', code = 'forbidden') {
    super(code, message);
  }
}

export class NotFoundError extends DomainError {}

export class ConflictError extends DomainError {}

export class PreconditionFailedError extends DomainError {
  constructor(message: string) {
    super('version_mismatch', message);
  }
}

export class TooManyItemsError extends DomainError {
  constructor(path: string, max: number, got: number) {
    super('too_many_items', `${path} holds ${got} items; at most ${max} are accepted in one request`, [
      { path, message: `at most ${max} items` },
    ]);
  }
}

/** A sync call whose branch/group expansion names more identifiers than one request may carry. */
export class TooManyIdentifiersError extends ValidationError {
  constructor(max: number, got: number | string, path = 'body') {
    super(
      `The request expands to ${got} identifiers; at most ${max} are accepted in one synchronous call`,
      [{ path, message: `expands to more than ${max} identifiers` }],
      'too_many_identifiers',
    );
  }
}

/**
 * The database refused to store input as it was given (an item over DynamoDB's 400 KB, a value it
 * cannot hold): the same input is refused every time, so it is the input's fault and never retried.
 */
export class RefusedInputError extends ValidationError {
  constructor(message: string) {
    super(message, [{ path: 'body', message }], 'input_refused');
  }
}

/** Not one of a call's adds fits under the group's user limit (SmarterU CG:37). */
export class UserLimitExceededError extends ConflictError {
  constructor(groupUuid: string, limit: number, members: number) {
    super(
      'user_limit_exceeded',
      `Group ${groupUuid} is full: ${members} members, user_limit ${limit}; none of the learners could be added`,
      [{ path: 'body', message: `no seat left under user_limit ${limit}` }],
    );
  }
}

/**
 * The caller (or every caller of its tenant together) spent its allowance for this kind of call;
 * `retryAfterSeconds` until it may call again (429 with Retry-After). `details[0].path` names the
 * bucket that was empty: `rate_limit.caller` or `rate_limit.tenant`.
 */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    route?: string,
    scope?: 'caller' | 'tenant',
  ) {
    super(
      'rate_limited',
      route && scope
        ? `Too many ${route} requests ${scope === 'caller' ? 'from this caller' : 'for this tenant'}; retry in ${retryAfterSeconds} s`
        : `Too many requests; retry in ${retryAfterSeconds} s`,
      route && scope
        ? [{ path: `rate_limit.${scope}`, message: `${route} limit reached; retry in ${retryAfterSeconds} s` }]
        : [],
    );
  }
}

/**
 * The database kept refusing the work for capacity (throttling that outlasted every retry, or
 * items it kept handing back unprocessed): nothing of the refused write was stored, and the same
 * request may be sent again (503 with Retry-After).
 */
export class UnavailableError extends DomainError {
  readonly retryAfterSeconds = 1;
  constructor(message = 'The service is over capacity right now; retry shortly') {
    super('temporarily_unavailable', message);
  }
}

export const groupNotFound = (uuid: string) => new NotFoundError('group_not_found', `No group ${uuid}`);
export const learnerNotFound = (uuid: string) => new NotFoundError('learner_not_found', `No learner ${uuid}`);
