import { type Membership, refKey, refOf } from './membership';

/** Per-identifier outcome of an assign or remove (DESIGN §4). */
export type Outcome =
  | 'added'
  | 'already_member'
  | 'revived'
  | 'invited'
  | 'updated'
  | 'removed'
  | 'not_member'
  | 'not_found'
  | 'over_capacity'
  | 'invalid'
  | 'duplicate_in_request'
  /** A job's removal in a group with a removal guard, left for the job's finish step to count and make. */
  | 'removal_pending'
  /** A held removal not made: the membership changed since the job was started (removed, re-added, edited). */
  | 'changed_since';

export interface IdentifierResult {
  identifier: string;
  outcome: Outcome;
  message?: string;
  membership?: Membership;
  /** Whether the membership is the member's home group after the call. */
  homeGroup?: boolean;
  /** An `invited` member's e-mail: queued for sending, or not sent because the tenant's daily quota is spent. */
  invitation?: InvitationOutcome | undefined;
}

export type InvitationOutcome = 'queued' | 'quota_exceeded';

const INVITATION_MESSAGE: Record<InvitationOutcome, string | undefined> = {
  queued: undefined,
  quota_exceeded:
    "the membership is pending; the invitation was not sent: the tenant's daily invitation quota is spent",
};

const SKIPPED: Outcome[] = ['already_member', 'not_member', 'duplicate_in_request', 'removal_pending', 'changed_since'];
const CHANGED: Outcome[] = ['added', 'revived', 'invited', 'updated', 'removed'];

/** The response body: every identifier lands in exactly one of results, skipped or errors. */
export function summarize(all: IdentifierResult[]) {
  const changed = all.filter((r) => CHANGED.includes(r.outcome));
  return {
    count: changed.length,
    results: changed.map((r) => ({
      identifier: r.identifier,
      outcome: r.outcome,
      ...publicMembership(r.membership!, r.homeGroup ?? false),
      ...(r.invitation ? { invitation: r.invitation } : {}),
      ...(r.invitation && INVITATION_MESSAGE[r.invitation] ? { message: INVITATION_MESSAGE[r.invitation] } : {}),
    })),
    skipped: all
      .filter((r) => SKIPPED.includes(r.outcome))
      .map(({ identifier, outcome, message, membership }) => ({
        identifier,
        outcome,
        message,
        // A pending removal names the member its job's finish step removes (see finish-pending-removals.ts).
        ...(outcome === 'removal_pending' && membership ? { member: refKey(refOf(membership)) } : {}),
      })),
    errors: all
      .filter((r) => !SKIPPED.includes(r.outcome) && !CHANGED.includes(r.outcome))
      .map(({ identifier, outcome, message }) => ({ identifier, outcome, message })),
  };
}

/**
 * The membership as ADR 0013 shows it, plus status, source, timestamps and the SmarterU settings
 * (`home_group` is read from the member's home-group pointer, only a counted membership can be it).
 */
export function publicMembership(m: Membership, homeGroup = false) {
  return {
    enterprise_group_membership_uuid: m.enterprise_group_membership_uuid,
    learner_uuid: m.learner_uuid,
    pending_learner_email: m.pending_learner_email,
    status: m.status,
    source: m.source,
    invited_at: m.invited_at,
    activated_at: m.activated_at,
    removed_at: m.removed_at,
    home_group: homeGroup && m.status !== 'removed',
    permissions: m.permissions ?? [],
    created: m.created,
    modified: m.modified,
  };
}
