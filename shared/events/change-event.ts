/**
 * A change of a membership, an enrollment or a group, as its consumers see it: one per stored change,
 * `id` the same however often the change is delivered, `sequence` gap-free and increasing within its
 * stream (a group's for group and membership events, a course's in the tenant for enrollment events).
 */
export interface ChangeEvent {
  id: string;
  type: ChangeEventType;
  /** When the item changed (its `modified`; for a deletion, when the stream saw it). */
  occurred_at: string;
  enterprise_customer_uuid: string;
  /** The group of a group or membership event; null for an enrollment event. */
  group_uuid: string | null;
  /** The course of an enrollment event; null otherwise. */
  course_id: string | null;
  sequence: number;
  data: { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
}

export const CHANGE_EVENT_TYPES = [
  'membership.added',
  'membership.activated',
  'membership.removed',
  'membership.revived',
  'membership.updated',
  'enrollment.enrolled',
  'enrollment.unenrolled',
  'enrollment.allowed',
  'enrollment.completed',
  'enrollment.updated',
  'enrollment.deleted',
  'group.created',
  'group.updated',
  'group.deleted',
  'group.ruleset_changed',
] as const;
export type ChangeEventType = (typeof CHANGE_EVENT_TYPES)[number];

/** The domains of the types: `membership.*` selects every type of one. */
export const CHANGE_EVENT_DOMAINS = ['membership', 'enrollment', 'group'] as const;

/** The sequence an event belongs to: its group's, or its course's within the tenant. */
export type EventStream = { group: string } | { course: string };

export const streamOf = (event: Pick<ChangeEvent, 'group_uuid' | 'course_id'>): EventStream =>
  event.group_uuid !== null ? { group: event.group_uuid } : { course: event.course_id ?? '' };

/** A change before it has its place in its stream: what the stream record says. */
export type ChangeCandidate = Omit<ChangeEvent, 'sequence'>;
