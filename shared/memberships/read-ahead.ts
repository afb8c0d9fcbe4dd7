import type { MemberRef } from '#shared/db/keys';
import { type Membership, refKey } from './membership';
import type { MembershipRepository } from './membership-repository';
import { learnerUuidOf } from './resolve-members';
import { MAX_SYNC_IDENTIFIERS } from './schemas';

/**
 * The memberships of the learner uuids a call names, read while the group is (their keys name the
 * group alone); looked at only after the group's read has decided the caller may act on it. `of`
 * answers for the targets as resolved, reading any not read ahead (a learner named by e-mail).
 */
export function readAhead(
  memberships: Pick<MembershipRepository, 'getMany'>,
  groupUuid: string,
  learnerUuids: string[] | undefined,
) {
  const uuids = [...new Set((learnerUuids ?? []).flatMap((raw) => learnerUuidOf(raw) ?? []))];
  const refs: MemberRef[] = uuids.length <= MAX_SYNC_IDENTIFIERS ? uuids.map((learnerUuid) => ({ learnerUuid })) : [];
  const read = refs.length > 0 ? memberships.getMany(groupUuid, refs) : Promise.resolve(new Map<string, Membership>());
  read.catch(() => undefined);
  const readKeys = new Set(refs.map(refKey));
  return {
    async of(targets: MemberRef[]): Promise<Map<string, Membership>> {
      const rest = targets.filter((r) => !readKeys.has(refKey(r)));
      const [found, more] = await Promise.all([
        read,
        rest.length > 0 ? memberships.getMany(groupUuid, rest) : new Map<string, Membership>(),
      ]);
      return new Map([...found, ...more]);
    },
  };
}
