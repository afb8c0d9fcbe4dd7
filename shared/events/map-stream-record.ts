import { createHash } from 'node:crypto';
import { toEnrollment } from '#shared/enrollments/enrollment-items';
import { toGroup } from '#shared/groups/group-items';
import { PROFILE_FIELDS } from '#shared/groups/group';
import { toMembership } from '#shared/memberships/membership-items';
import type { ChangeCandidate, ChangeEventType } from './change-event';

/** A stream record with its images already unmarshalled: what the mapping needs of a DynamoDB stream record. */
export interface ItemChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** The record's own sequence number in its shard: the same on every delivery of the record. */
  sequenceNumber: string;
  /** When the stream saw the change (epoch seconds, as Lambda gives it). */
  approximateCreationSeconds: number;
  keys: { PK: string; SK: string };
  oldImage: Record<string, unknown> | null;
  newImage: Record<string, unknown> | null;
}

type Image = Record<string, unknown>;

/** Item bookkeeping a consumer has no use for (which chunk wrote it, the recalculation's marks). */
const MEMBERSHIP_INTERNALS = ['last_op_id', 'last_op_outcome', 'rule_generation', 'joined_at', 'left_at'] as const;
const ENROLLMENT_INTERNALS = ['last_op_id', 'last_op_before'] as const;
const GROUP_INTERNALS = ['rule_generation', 'rule_processing', 'member_count'] as const;
const GROUP_WATCHED = [...PROFILE_FIELDS, 'ruleset'] as const;

const without = (value: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(Object.entries(value).filter(([name]) => !fields.includes(name)));

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const changed = (before: Image, after: Image, fields: readonly string[]) =>
  fields.some((field) => !sameValue(before[field], after[field]));

/**
 * The event a stream record makes, or null when the change is none of a consumer's business (another
 * entity, bookkeeping only: a recalculation's generation mark, a group's member count). The id hashes
 * the item's key and the record's sequence number, both properties of the change itself, so every
 * delivery of a record yields the same id and two changes of one item never share one.
 */
export function changeEventOf(change: ItemChange): ChangeCandidate | null {
  const entity = (change.newImage ?? change.oldImage)?.entity;
  const typed =
    entity === 'membership'
      ? membershipChange(change)
      : entity === 'group'
        ? groupChange(change)
        : entity === 'enrollment'
          ? enrollmentChange(change)
          : null;
  if (!typed) return null;
  const image = (change.newImage ?? change.oldImage)!;
  const id = createHash('sha256')
    .update(`${change.keys.PK}\n${change.keys.SK}\n${change.sequenceNumber}`)
    .digest('base64url')
    .slice(0, 32);
  return {
    id: `evt_${id}`,
    type: typed.type,
    occurred_at:
      typeof change.newImage?.modified === 'string'
        ? change.newImage.modified
        : new Date(change.approximateCreationSeconds * 1000).toISOString(),
    enterprise_customer_uuid: String(image.enterprise_customer_uuid),
    group_uuid: entity === 'enrollment' ? null : String(image.group_uuid),
    course_id: entity === 'enrollment' ? String(image.course_id) : null,
    data: typed.data,
  };
}

interface Typed {
  type: ChangeEventType;
  data: ChangeCandidate['data'];
}

const COUNTED = ['active', 'pending'];

function membershipChange({ eventName, oldImage, newImage }: ItemChange): Typed | null {
  const view = (image: Image | null) => (image ? without(toMembership(image) as never, MEMBERSHIP_INTERNALS) : null);
  const data = { before: view(oldImage), after: view(newImage) };
  const was = oldImage?.status as string | undefined;
  const is = newImage?.status as string | undefined;
  // A pending (e-mail) membership becomes its learner's in one transaction: the e-mail's item is deleted
  // and the learner's written with the invitation's time. That write is the activation; the deletion
  // (like that of a pending member swept with its deleted group, which group.deleted covers) is none.
  if (eventName === 'REMOVE') {
    return was === 'active' || (was === 'pending' && oldImage?.learner_uuid)
      ? { type: 'membership.removed', data }
      : null;
  }
  const invitedNow = newImage?.invited_at != null && newImage.invited_at !== oldImage?.invited_at;
  if (is === 'active' && newImage?.learner_uuid && invitedNow) return { type: 'membership.activated', data };
  if (eventName === 'INSERT') return { type: 'membership.added', data };
  if (was === 'removed' && is && COUNTED.includes(is)) return { type: 'membership.revived', data };
  if (was && COUNTED.includes(was) && is === 'removed') return { type: 'membership.removed', data };
  if (was === 'pending' && is === 'active') return { type: 'membership.activated', data };
  if (data.before && data.after && !sameValue(without(data.before, ['modified']), without(data.after, ['modified']))) {
    return { type: 'membership.updated', data };
  }
  return null;
}

function groupChange({ eventName, oldImage, newImage }: ItemChange): Typed | null {
  const view = (image: Image | null) => (image ? without(toGroup(image) as never, GROUP_INTERNALS) : null);
  const data = { before: view(oldImage), after: view(newImage) };
  if (eventName === 'INSERT') return { type: 'group.created', data };
  if (eventName === 'REMOVE') return { type: 'group.deleted', data };
  if (!oldImage || !newImage) return null;
  if (!sameValue(oldImage.ruleset, newImage.ruleset)) return { type: 'group.ruleset_changed', data };
  return changed(oldImage, newImage, GROUP_WATCHED) ? { type: 'group.updated', data } : null;
}

function enrollmentChange({ eventName, oldImage, newImage }: ItemChange): Typed | null {
  const view = (image: Image | null) => (image ? without(toEnrollment(image) as never, ENROLLMENT_INTERNALS) : null);
  const data = { before: view(oldImage), after: view(newImage) };
  if (eventName === 'REMOVE') return { type: 'enrollment.deleted', data };
  const status = newImage?.status as 'enrolled' | 'unenrolled' | 'allowed' | 'completed';
  if (eventName === 'INSERT' || oldImage?.status !== status) return { type: `enrollment.${status}`, data };
  return changed(oldImage ?? {}, newImage ?? {}, ['auto_enroll', 'cohort', 'batch_id'])
    ? { type: 'enrollment.updated', data }
    : null;
}
