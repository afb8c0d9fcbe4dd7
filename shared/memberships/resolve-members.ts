import * as z from 'zod';
import type { MemberRef } from '#shared/db/keys';
import { type Learner, normalizeEmail } from '#shared/learners/learner';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import type { IdentifierResult } from './outcomes';

export interface IdentifierInput {
  learner_uuids?: string[] | undefined;
  learner_emails?: string[] | undefined;
}

/** An identifier that names a member of this tenant: a learner, or an e-mail without one yet. */
export interface Target {
  identifier: string;
  ref: MemberRef;
}

const uuid = z.uuid();
const email = z.email();

/** A learner uuid as given (any case, surrounding spaces) in the form targets use, or undefined if it is not one. */
export function learnerUuidOf(raw: string): string | undefined {
  const id = raw.trim().toLowerCase();
  return uuid.safeParse(id).success ? id : undefined;
}

/**
 * Turns the identifiers of a request into member references of one tenant. Each identifier ends
 * either as a target or as a rejection (invalid, duplicate, not found); none is dropped. A uuid of
 * another tenant's learner is `not_found`, exactly as an unknown one: uuids are per tenant.
 * E-mails are trimmed and lower-cased; an e-mail of an existing learner resolves to that learner.
 */
export async function resolveMembers(
  learners: Pick<LearnerRepository, 'getMany' | 'findUuids'>,
  tenant: string,
  input: IdentifierInput,
): Promise<{ targets: Target[]; rejected: IdentifierResult[] }> {
  const rejected: IdentifierResult[] = [];
  const seen = new Set<string>();
  const firstSeen = (key: string, identifier: string) => {
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    rejected.push({ identifier, outcome: 'duplicate_in_request', message: 'named earlier in this request' });
    return false;
  };

  const uuids: string[] = [];
  for (const raw of input.learner_uuids ?? []) {
    const id = learnerUuidOf(raw);
    if (id === undefined) rejected.push({ identifier: raw, outcome: 'invalid', message: 'not a uuid' });
    else if (firstSeen(`L#${id}`, raw)) uuids.push(id);
  }
  const emails: { identifier: string; email: string }[] = [];
  for (const raw of input.learner_emails ?? []) {
    const value = normalizeEmail(raw);
    if (!email.safeParse(value).success)
      rejected.push({ identifier: raw, outcome: 'invalid', message: 'not an e-mail address' });
    else if (firstSeen(`E#${value}`, raw)) emails.push({ identifier: raw, email: value });
  }

  const [found, byEmail] = await Promise.all([
    learners.getMany(tenant, uuids),
    learners.findUuids(
      tenant,
      'EMAIL',
      emails.map((e) => e.email),
    ),
  ]);
  const targets: Target[] = [];
  for (const id of uuids) {
    const learner: Learner | undefined = found.get(id);
    if (!learner) rejected.push({ identifier: id, outcome: 'not_found', message: 'no learner with this uuid' });
    else targets.push({ identifier: id, ref: { learnerUuid: id } });
  }
  for (const e of emails) {
    const learnerUuid = byEmail.get(e.email);
    // The same learner named by uuid and by e-mail is one member, reported once.
    if (learnerUuid && !firstSeen(`L#${learnerUuid}`, e.identifier)) continue;
    targets.push({ identifier: e.identifier, ref: learnerUuid ? { learnerUuid } : { email: e.email } });
  }
  return { targets, rejected };
}
