import { ValidationError } from '#shared/errors';
import type { Group } from './group';

/**
 * Serialized bytes (UTF-8 JSON) one group may take. A `group_updated` history entry holds each
 * changed field before and after, so twice this, plus keys, stays under DynamoDB's 400 KB item.
 */
export const MAX_GROUP_BYTES = 150_000;

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '');

/**
 * Refuses a group that would serialize past MAX_GROUP_BYTES (400), naming the largest of the
 * fields the request set (`body.ruleset`, `body.tags`, …): the one to shrink.
 */
export function assertGroupFits(group: Group, requestFields: string[]): void {
  const total = bytes(group);
  if (total <= MAX_GROUP_BYTES) return;
  const sizes = requestFields.map((field) => ({ field, size: bytes(group[field as keyof Group]) }));
  const largest = sizes.sort((a, b) => b.size - a.size)[0];
  throw new ValidationError(`The group would take ${total} bytes; at most ${MAX_GROUP_BYTES} are stored`, [
    {
      path: largest ? `body.${largest.field}` : 'body',
      message: `${largest?.size ?? total} bytes; the whole group may take at most ${MAX_GROUP_BYTES}`,
    },
  ]);
}
