import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PreconditionFailedError, ValidationError } from '#shared/errors';
import { type Answer, notModified, ok } from './responses';

/** An entity-tag (RFC 9110 §8.8.3): its opaque value without the quotes, and whether it is weak (`W/"…"`). */
export interface EntityTag {
  weak: boolean;
  opaque: string;
}

/** An If-Match or If-None-Match value: `*` (any current representation) or a list of entity-tags. */
export type TagCondition = '*' | EntityTag[];

/** A versioned resource's strong ETag: its version, quoted. */
export const etag = (version: number) => `"${version}"`;

/** `W/`? DQUOTE *etagc DQUOTE, with etagc = %x21 / %x23-7E / obs-text (§8.8.3). */
const ENTITY_TAG = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/;

/**
 * Parses `"*" / #entity-tag` (RFC 9110 §13.1.1, §13.1.2). Empty list elements are allowed, as the
 * list rule says (§5.6.1); anything else that is not an entity-tag makes the header malformed, a 400
 * naming it, since a condition the server cannot read must not be taken for one that failed.
 */
export function parseTagCondition(value: string, header: string): TagCondition {
  if (value.trim() === '*') return '*';
  const tags: EntityTag[] = [];
  for (const element of splitTags(value)) {
    const match = ENTITY_TAG.exec(element);
    if (!match)
      throw new ValidationError(`${header} must be * or a list of entity-tags, e.g. "3" or "3", "4"`, [
        { path: `headers.${header.toLowerCase()}`, message: 'not * or a list of entity-tags' },
      ]);
    tags.push({ weak: match[1] !== undefined, opaque: match[2]! });
  }
  return tags;
}

/** The list's elements, trimmed, empty ones dropped; a comma inside a quoted tag does not split it. */
function splitTags(value: string): string[] {
  const elements: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      elements.push(current);
      current = '';
    } else current += char;
  }
  elements.push(current);
  return elements.map((e) => e.trim()).filter((e) => e !== '');
}

/** Strong comparison (§8.8.3.2): both strong and the same opaque value. `current` is strong. */
export const ifMatchPasses = (condition: TagCondition, current: string) =>
  condition === '*' || condition.some((tag) => !tag.weak && tag.opaque === current);

/** Weak comparison (§8.8.3.2) for If-None-Match: passes when no tag names the current value (and not `*`). */
export const ifNoneMatchPasses = (condition: TagCondition, current: string) =>
  condition !== '*' && !condition.some((tag) => tag.opaque === current);

function conditionOf(event: APIGatewayProxyEventV2, header: 'If-Match' | 'If-None-Match') {
  const value = event.headers[header.toLowerCase()];
  return value === undefined ? undefined : parseTagCondition(value, header);
}

/**
 * The preconditions of a write on a versioned resource (§13.2.2): a test of its current version
 * that passes when If-Match names it (strongly, or `*`) and If-None-Match does not (`*` never passes,
 * the resource existing). Undefined when the request has neither header. A malformed header is a 400
 * at once, before anything is read. A resource that does not exist answers 404 whatever the
 * headers say: §13.2.1 has preconditions ignored when the answer without them would not be 2xx.
 */
export function versionPrecondition(event: APIGatewayProxyEventV2): ((version: number) => boolean) | undefined {
  const ifMatch = conditionOf(event, 'If-Match');
  const ifNoneMatch = conditionOf(event, 'If-None-Match');
  if (ifMatch === undefined && ifNoneMatch === undefined) return undefined;
  return (version) =>
    (ifMatch === undefined || ifMatchPasses(ifMatch, String(version))) &&
    (ifNoneMatch === undefined || ifNoneMatchPasses(ifNoneMatch, String(version)));
}

/**
 * A read of a versioned resource under §13.2.2: 412 when If-Match does not name its version,
 * 304 Not Modified (its ETag, no body) when If-None-Match does, else 200 with the body and its ETag.
 */
export function answerRead<T>(event: APIGatewayProxyEventV2, version: number, body: T): Answer<T> {
  const ifMatch = conditionOf(event, 'If-Match');
  const ifNoneMatch = conditionOf(event, 'If-None-Match');
  const current = String(version);
  if (ifMatch !== undefined && !ifMatchPasses(ifMatch, current))
    throw new PreconditionFailedError(`The resource is at version ${current}, which If-Match does not name`);
  if (ifNoneMatch !== undefined && !ifNoneMatchPasses(ifNoneMatch, current))
    return notModified({ etag: etag(version) });
  return ok(body, { etag: etag(version) });
}
