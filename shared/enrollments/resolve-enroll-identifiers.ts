import * as z from 'zod';
import type { MemberRef } from '#shared/db/keys';
import { normalizeEmail } from '#shared/learners/learner';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import type { UsernameDirectory } from './username-directory';

/** What an Open edX identifier names in a tenant: a learner, an e-mail without a learner yet, or nothing. */
export type ResolvedIdentifier =
  | { identifier: string; kind: 'invalid' }
  | { identifier: string; kind: 'member'; ref: MemberRef; email: string; isUser: boolean };

export interface IdentifierDirectory {
  learners: Pick<LearnerRepository, 'getMany' | 'findUuids'>;
  usernames: Pick<UsernameDirectory, 'findByUsernames'>;
}

const uuid = z.uuid();
const email = z.email();

/**
 * Resolves identifiers like Open edX's `students_update_enrollment`, inside one tenant's directory:
 * an identifier with `@` is an e-mail (trimmed, lower-cased; a learner's if one has it, else a
 * pending e-mail); a uuid is a learner uuid; anything else is a username. What names no learner of
 * the tenant and is no valid e-mail is `invalid` (a learner of another tenant included, so nothing
 * leaks across tenants). The result keeps the input's order, one entry per identifier.
 */
export async function resolveEnrollIdentifiers(
  { learners, usernames }: IdentifierDirectory,
  tenant: string,
  identifiers: string[],
): Promise<ResolvedIdentifier[]> {
  const kindOf = (raw: string) =>
    raw.includes('@') ? 'email' : uuid.safeParse(raw.toLowerCase()).success ? 'uuid' : 'username';
  const emails = identifiers.filter((i) => kindOf(i) === 'email').map(normalizeEmail);
  const uuids = identifiers.filter((i) => kindOf(i) === 'uuid').map((i) => i.toLowerCase());
  const names = identifiers.filter((i) => kindOf(i) === 'username');
  const [byEmail, byUuid, byName] = await Promise.all([
    learners.findUuids(tenant, 'EMAIL', [...new Set(emails.filter((e) => email.safeParse(e).success))]),
    learners.getMany(tenant, [...new Set(uuids)]),
    usernames.findByUsernames(tenant, [...new Set(names)]),
  ]);
  return identifiers.map((identifier): ResolvedIdentifier => {
    switch (kindOf(identifier)) {
      case 'email': {
        const value = normalizeEmail(identifier);
        if (!email.safeParse(value).success) return { identifier, kind: 'invalid' };
        const learnerUuid = byEmail.get(value);
        return learnerUuid
          ? { identifier, kind: 'member', ref: { learnerUuid }, email: value, isUser: true }
          : { identifier, kind: 'member', ref: { email: value }, email: value, isUser: false };
      }
      case 'uuid': {
        const learner = byUuid.get(identifier.toLowerCase());
        if (!learner) return { identifier, kind: 'invalid' };
        return {
          identifier,
          kind: 'member',
          ref: { learnerUuid: learner.learner_uuid },
          email: learner.email,
          isUser: true,
        };
      }
      default: {
        const entry = byName.get(identifier);
        if (!entry) return { identifier, kind: 'invalid' };
        return {
          identifier,
          kind: 'member',
          ref: { learnerUuid: entry.learner_uuid },
          email: entry.email,
          isUser: true,
        };
      }
    }
  });
}
