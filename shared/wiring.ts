import { makeBranchRepository } from './branches/branch-repository';
import { makeListBranches } from './branches/list-branches';
import { makePutBranch } from './branches/put-branch';
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
import { makeHistoryRepository } from './history/history-repository';
import { makeListGroupHistory } from './history/list-group-history';
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
import { ruleUseCases } from './rules/wired';
import { makeApplyBatchParticipants } from './enrollments/apply-batch-participants';
import { makeApplyBulkEnrollment } from './enrollments/apply-bulk-enrollment';
import { makeBatchRepository } from './enrollments/batch-repository';
import { makeBulkEnroll } from './enrollments/bulk-enroll';
import { makeChangeBatchParticipants } from './enrollments/change-batch-participants';
import { makeCompleteEnrollment } from './enrollments/complete-enrollment';
import { makeCreateBatch } from './enrollments/create-batch';
import { makeEnrollmentRepository } from './enrollments/enrollment-repository';
import { makeFulfillAllowedEnrollments } from './enrollments/fulfill-allowed-enrollments';
import {
  makeListBatchParticipants,
  makeListCourseEnrollments,
  makeListEnrollmentAudit,
  makeListLearnerEnrollments,
} from './enrollments/list-enrollments';
import { makeGetBatch } from './enrollments/read-batch';
import { makeThrottleCaller } from './enrollments/throttle-caller';
import { makeThrottleRepository } from './enrollments/throttle-repository';
import { makeUsernameDirectory } from './enrollments/username-directory';
import { makeDeliverNotification } from './notifications/deliver-notification';
import { fileOutboxSender } from './notifications/file-outbox-sender';
import { logOnlySender } from './notifications/log-only-sender';
import { makeGroupInvitationHook } from './notifications/group-invitation';
import { makeNotificationQueue } from './notifications/notification-queue';
import { makeSentNotificationRepository } from './notifications/sent-notification-repository';

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
  branches: makeBranchRepository(db, config.tableName),
  history: makeHistoryRepository(db, config.tableName),
}));

const isMember = async (groupUuid: string, learnerUuid: string) => {
  const found = await repositories().memberships.getMany(groupUuid, [{ learnerUuid }]);
  return [...found.values()].some((m) => COUNTED.includes(m.status));
};

const enrollmentRepositories = once(() => ({
  enrollments: makeEnrollmentRepository(db, config.tableName),
  batches: makeBatchRepository(db, config.tableName),
  usernames: makeUsernameDirectory(db, config.tableName),
}));

/** The per-chunk applications of bulk_enroll and batch participants, which bulk jobs call too. */
const applyBulkEnrollment = once(() =>
  makeApplyBulkEnrollment({
    ...enrollmentRepositories(),
    learners: repositories().learners,
    notify: makeNotificationQueue(config.notificationsQueueUrl),
    clock: systemClock,
    onEnrollmentsChanged: (tenant, changes, context) => ruleUseCases.reevaluateEnrollees()(tenant, changes, context),
    // Allowances of e-mails whose learner was created while the chunk ran become its enrollments.
    onAllowed: async (tenant, emails, actor) => {
      const uuids = await repositories().learners.findUuids(tenant, 'EMAIL', emails);
      if (uuids.size === 0) return;
      for (const learner of (await repositories().learners.getMany([...uuids.values()])).values()) {
        await enrollmentUseCases.fulfillAllowedEnrollments()(learner, { actor });
      }
    },
  }),
);
const applyBatchParticipants = once(() =>
  makeApplyBatchParticipants({
    ...enrollmentRepositories(),
    learners: repositories().learners,
    clock: systemClock,
    onEnrollmentsChanged: (tenant, changes, context) => ruleUseCases.reevaluateEnrollees()(tenant, changes, context),
  }),
);

/** Enrollments, batches and the notification outbox (issue 4). */
const throttleBulkEnroll = once(() =>
  makeThrottleCaller(makeThrottleRepository(db, config.tableName), systemClock, 'bulk_enroll', {
    capacity: config.bulkEnrollRatePerMinute,
    refillPerSecond: config.bulkEnrollRatePerMinute / 60,
  }),
);

const enrollmentUseCases = {
  applyBulkEnrollment,
  enrollmentRepositories,
  throttleBulkEnroll,
  bulkEnroll: once(() =>
    makeBulkEnroll({ apply: applyBulkEnrollment(), throttle: throttleBulkEnroll(), ids: randomIds }),
  ),
  createBatch: once(() => makeCreateBatch(enrollmentRepositories().batches, systemClock, randomIds)),
  getBatch: once(() => makeGetBatch(enrollmentRepositories().batches)),
  applyBatchParticipants,
  changeBatchParticipants: once(() =>
    makeChangeBatchParticipants({
      batches: enrollmentRepositories().batches,
      apply: applyBatchParticipants(),
      ids: randomIds,
    }),
  ),
  listBatchParticipants: once(() =>
    makeListBatchParticipants(enrollmentRepositories().batches, enrollmentRepositories().enrollments),
  ),
  listCourseEnrollments: once(() => makeListCourseEnrollments(enrollmentRepositories().enrollments)),
  listLearnerEnrollments: once(() =>
    makeListLearnerEnrollments(enrollmentRepositories().enrollments, repositories().learners),
  ),
  listEnrollmentAudit: once(() => makeListEnrollmentAudit(enrollmentRepositories().enrollments)),
  completeEnrollment: once(() =>
    makeCompleteEnrollment(enrollmentRepositories().enrollments, systemClock, randomIds, (tenant, changes, context) =>
      ruleUseCases.reevaluateEnrollees()(tenant, changes, context),
    ),
  ),
  fulfillAllowedEnrollments: once(() =>
    makeFulfillAllowedEnrollments({
      enrollments: enrollmentRepositories().enrollments,
      clock: systemClock,
      ids: randomIds,
    }),
  ),
  deliverNotification: once(() =>
    makeDeliverNotification(
      makeSentNotificationRepository(db, config.tableName),
      config.notificationOutboxFile ? fileOutboxSender(config.notificationOutboxFile) : logOnlySender,
      systemClock,
    ),
  ),
};

const putLearner = once(() =>
  makePutLearner({
    ...repositories(),
    clock: systemClock,
    onLearnerWritten: async (learner, context) => {
      await enrollmentUseCases.fulfillAllowedEnrollments()(learner, context);
      // Automatic groups: the learner's rule memberships follow its new fields (issue 5).
      await ruleUseCases.reevaluateLearner()(learner.enterprise_customer_uuid, learner.learner_uuid, context);
    },
  }),
);

export const useCases = {
  createGroup: once(() => makeCreateGroup(repositories().groups, systemClock, randomIds, ruleUseCases.rulePorts())),
  getGroup: once(() => makeGetGroup(repositories().groups, isMember)),
  updateGroup: once(() => makeUpdateGroup(repositories().groups, systemClock, ruleUseCases.rulePorts())),
  deleteGroup: once(() =>
    makeDeleteGroup(
      repositories().groups,
      (groupUuid) => sendJson(config.groupCleanupQueueUrl, { group_uuid: groupUuid }),
      systemClock,
    ),
  ),
  listGroupHistory: once(() => makeListGroupHistory(repositories().groups, repositories().history)),
  putBranch: once(() =>
    makePutBranch(repositories().branches, systemClock, (caller, tenant, trees) =>
      ruleUseCases.recalculateOnBranchMove()(caller, tenant, trees),
    ),
  ),
  listBranches: once(() => makeListBranches(repositories().branches)),
  listGroups: once(() => makeListGroups(repositories().groups, repositories().memberships, repositories().learners)),
  findGroupByLegacyId: once(() => makeFindGroupByLegacyId(repositories().groups)),
  listGroupLearners: once(() =>
    makeListGroupLearners(repositories().groups, repositories().memberships, repositories().learners),
  ),
  assignLearners: once(() =>
    makeAssignLearners({
      ...repositories(),
      clock: systemClock,
      ids: randomIds,
      // Pending (e-mail) members get one `group_invitation` on the outbox (issue 4).
      onMembersAdded: makeGroupInvitationHook(makeNotificationQueue(config.notificationsQueueUrl), systemClock),
    }),
  ),
  removeLearners: once(() => makeRemoveLearners({ ...repositories(), clock: systemClock })),
  putLearner,
  getLearner: once(() => makeGetLearner(repositories().learners, repositories().memberships, repositories().groups)),
  deleteLearner: once(() =>
    makeDeleteLearner(repositories().learners, repositories().memberships, repositories().groups, systemClock),
  ),
  listLearners: once(() => makeListLearners(repositories().learners)),
  bulkUpsertLearners: once(() => makeBulkUpsertLearners(putLearner(), randomIds)),
  cleanupGroupMemberships: once(() => makeCleanupGroupMemberships(repositories().groups, repositories().memberships)),
  ...enrollmentUseCases,
  repositories,
};
