import { randomIds, systemClock } from './clock';
import { config } from './config';
import { db } from './db/client';
import { makeCleanupGroupMemberships } from './groups/cleanup-group-memberships';
import { makeCreateGroup } from './groups/create-group';
import { makeDeleteGroup } from './groups/delete-group';
import { makeGroupRepository } from './groups/group-repository';
import { makeListGroups } from './groups/list-groups';
import { makeFindGroupByLegacyId, makeGetGroup } from './groups/read-group';
import { makeUpdateGroup } from './groups/update-group';
import { makeBulkUpsertLearners } from './learners/bulk-upsert-learners';
import { makeDeleteLearner } from './learners/delete-learner';
import { makeLearnerRepository } from './learners/learner-repository';
import { makePutLearner } from './learners/put-learner';
import { makeGetLearner, makeListLearners } from './learners/read-learners';
import { makeAssignLearners } from './memberships/assign-learners';
import { makeListGroupLearners } from './memberships/list-group-learners';
import { COUNTED } from './memberships/membership';
import { makeMembershipRepository } from './memberships/membership-repository';
import { makeRemoveLearners } from './memberships/remove-learners';
import { sendJson } from './queue/send-json';

/**
 * The use cases wired to the real table, clock and queues. Built on first use, so a function
 * only needs the environment of the use cases it calls (its catalog access).
 */
const once = <T>(build: () => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};

const repositories = once(() => ({
  groups: makeGroupRepository(db, config.tableName),
  memberships: makeMembershipRepository(db, config.tableName),
  learners: makeLearnerRepository(db, config.tableName),
}));

const isMember = async (groupUuid: string, learnerUuid: string) => {
  const found = await repositories().memberships.getMany(groupUuid, [{ learnerUuid }]);
  return [...found.values()].some((m) => COUNTED.includes(m.status));
};

const putLearner = once(() => makePutLearner({ ...repositories(), clock: systemClock }));

export const useCases = {
  createGroup: once(() => makeCreateGroup(repositories().groups, systemClock, randomIds)),
  getGroup: once(() => makeGetGroup(repositories().groups, isMember)),
  updateGroup: once(() => makeUpdateGroup(repositories().groups, systemClock)),
  deleteGroup: once(() =>
    makeDeleteGroup(repositories().groups, (groupUuid) =>
      sendJson(config.groupCleanupQueueUrl, { group_uuid: groupUuid }),
    ),
  ),
  listGroups: once(() => makeListGroups(repositories().groups, repositories().memberships, repositories().learners)),
  findGroupByLegacyId: once(() => makeFindGroupByLegacyId(repositories().groups)),
  listGroupLearners: once(() =>
    makeListGroupLearners(repositories().groups, repositories().memberships, repositories().learners),
  ),
  assignLearners: once(() => makeAssignLearners({ ...repositories(), clock: systemClock, ids: randomIds })),
  removeLearners: once(() => makeRemoveLearners({ ...repositories(), clock: systemClock })),
  putLearner,
  getLearner: once(() => makeGetLearner(repositories().learners, repositories().memberships, repositories().groups)),
  deleteLearner: once(() =>
    makeDeleteLearner(repositories().learners, repositories().memberships, repositories().groups, systemClock),
  ),
  listLearners: once(() => makeListLearners(repositories().learners)),
  bulkUpsertLearners: once(() => makeBulkUpsertLearners(putLearner(), randomIds)),
  cleanupGroupMemberships: once(() => makeCleanupGroupMemberships(repositories().groups, repositories().memberships)),
  repositories,
};
