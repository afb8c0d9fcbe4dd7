/**
 * Every key string of the single table is built here. The access patterns they serve are
 * listed in ./access-patterns.md; change both together.
 */

export type UniqueKind = 'GROUP_NAME' | 'GROUP_EXTERNAL_ID' | 'GROUP_LEGACY_ID' | 'EMAIL' | 'EMPLOYEE_ID' | 'STATE_ID';

/** A membership's member: a known learner, or an e-mail awaiting its learner. */
export type MemberRef = { learnerUuid: string } | { email: string };

const memberSk = (ref: MemberRef) => ('learnerUuid' in ref ? `MEMBER#L#${ref.learnerUuid}` : `MEMBER#E#${ref.email}`);

export const keys = {
  group: (groupUuid: string) => ({ PK: `GROUP#${groupUuid}`, SK: 'GROUP' }),
  groupByName: (tenant: string, lowerName: string, groupUuid: string) => ({
    GSI1PK: `TENANT#${tenant}#GROUPS`,
    GSI1SK: `NAME#${lowerName}#${groupUuid}`,
  }),
  groupByCreated: (tenant: string, createdIso: string, groupUuid: string) => ({
    GSI2PK: `TENANT#${tenant}#GROUPS`,
    GSI2SK: `CREATED#${createdIso}#${groupUuid}`,
  }),
  tenantGroupsPartition: (tenant: string) => `TENANT#${tenant}#GROUPS`,

  /** Uniqueness guard, written in the same transaction as its owner; the value is lower-cased by the caller. */
  unique: (tenant: string, kind: UniqueKind, value: string) => ({
    PK: `UNIQUE#${tenant}#${kind}#${value}`,
    SK: 'UNIQUE',
  }),

  membership: (groupUuid: string, ref: MemberRef) => ({ PK: `GROUP#${groupUuid}`, SK: memberSk(ref) }),
  membersPrefix: 'MEMBER#',
  /** Inverted index: a learner's (or a pending e-mail's) memberships across groups. */
  membershipByMember: (tenant: string, ref: MemberRef, groupUuid: string) => ({
    GSI1PK: memberPartition(tenant, ref),
    GSI1SK: `GROUP#${groupUuid}`,
  }),
  memberPartition: (tenant: string, ref: MemberRef) => memberPartition(tenant, ref),

  learner: (learnerUuid: string) => ({ PK: `LEARNER#${learnerUuid}`, SK: 'LEARNER' }),
  learnerByEmail: (tenant: string, email: string, learnerUuid: string) => ({
    GSI1PK: `TENANT#${tenant}#LEARNERS`,
    GSI1SK: `EMAIL#${email}#${learnerUuid}`,
  }),
  tenantLearnersPartition: (tenant: string) => `TENANT#${tenant}#LEARNERS`,
} as const;

function memberPartition(tenant: string, ref: MemberRef): string {
  return 'learnerUuid' in ref ? `MEMBERSHIPS#${tenant}#L#${ref.learnerUuid}` : `MEMBERSHIPS#${tenant}#E#${ref.email}`;
}

/** The key attributes of each index, for building pagination cursors from items. */
export const indexKeyAttributes = {
  table: ['PK', 'SK'],
  GSI1: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
  GSI2: ['PK', 'SK', 'GSI2PK', 'GSI2SK'],
} as const;
export type IndexName = keyof typeof indexKeyAttributes;
