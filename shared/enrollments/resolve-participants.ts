import * as z from 'zod';
import type { UniqueKind } from '#shared/db/keys';
import { normalizeEmail } from '#shared/learners/learner';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import type { ParticipantResult } from './participant-outcomes';
import type { IdentifierType } from './schemas';

export interface ParticipantTarget {
  identifier: string;
  learnerUuid: string;
}

const uuid = z.uuid();
const email = z.email();
const GUARDS: Record<Exclude<IdentifierType, 'user_id'>, UniqueKind> = {
  email: 'EMAIL',
  employee_id: 'EMPLOYEE_ID',
  state_id: 'STATE_ID',
};

/**
 * Turns participant identifiers of one type into learners of the batch's tenant. Each identifier
 * ends as a target or a rejection: `invalid`, `duplicate_in_request` (also two names of one learner),
 * or `not_found` (also a user_id of another tenant's learner: uuids are per tenant). None is dropped.
 */
export async function resolveParticipants(
  learners: Pick<LearnerRepository, 'getMany' | 'findUuids'>,
  tenant: string,
  type: IdentifierType,
  identifiers: string[],
): Promise<{ targets: ParticipantTarget[]; rejected: ParticipantResult[] }> {
  const rejected: ParticipantResult[] = [];
  const normalize = (raw: string) =>
    type === 'email' ? normalizeEmail(raw) : type === 'user_id' ? raw.trim().toLowerCase() : raw.trim();
  const valid = (value: string) =>
    type === 'email'
      ? email.safeParse(value).success
      : type === 'user_id'
        ? uuid.safeParse(value).success
        : value !== '';
  const seen = new Set<string>();
  const named: { identifier: string; value: string }[] = [];
  for (const identifier of identifiers) {
    const value = normalize(identifier);
    if (!valid(value)) rejected.push({ identifier, outcome: 'invalid', message: `not a valid ${type}` });
    else if (seen.has(value))
      rejected.push({ identifier, outcome: 'duplicate_in_request', message: 'named earlier in this request' });
    else {
      seen.add(value);
      named.push({ identifier, value });
    }
  }
  const values = named.map((n) => n.value);
  const owners =
    type === 'user_id'
      ? new Map([...(await learners.getMany(tenant, values)).keys()].map((uuid) => [uuid, uuid]))
      : await learners.findUuids(tenant, GUARDS[type], values);
  const targets: ParticipantTarget[] = [];
  const learnersSeen = new Set<string>();
  for (const { identifier, value } of named) {
    const owner = owners.get(value);
    if (owner === undefined)
      rejected.push({ identifier, outcome: 'not_found', message: `no learner with this ${type}` });
    else if (learnersSeen.has(owner))
      rejected.push({
        identifier,
        outcome: 'duplicate_in_request',
        message: 'names a learner named earlier in this request',
      });
    else {
      learnersSeen.add(owner);
      targets.push({ identifier, learnerUuid: owner });
    }
  }
  return { targets, rejected };
}
