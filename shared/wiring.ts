import { makeListBranches } from '#shared/branches/list-branches';
import { makePutBranch } from '#shared/branches/put-branch';
import { randomIds, systemClock } from '#shared/clock';
import { config } from '#shared/config';
import { db } from '#shared/db/client';
import { makeApplyBatchParticipants } from '#shared/enrollments/apply-batch-participants';
import { makeCompleteEnrollment } from '#shared/enrollments/complete-enrollment';
import { makeCreateBatch } from '#shared/enrollments/create-batch';
import {
  makeListBatchParticipants,
  makeListCourseEnrollments,
  makeListEnrollmentAudit,
  makeListLearnerEnrollments,
} from '#shared/enrollments/list-enrollments';
import { makeStartModuleEnrollment } from '#shared/enrollments/learning-module-jobs';
import { makeGetBatch } from '#shared/enrollments/read-batch';
import { makeCleanupGroupMemberships } from '#shared/groups/cleanup-group-memberships';
import { makeCreateGroup } from '#shared/groups/create-group';
import { makeDeleteGroup } from '#shared/groups/delete-group';
import { makeListGroups } from '#shared/groups/list-groups';
import { makeFindGroupByLegacyId, makeGetGroup } from '#shared/groups/read-group';
import { makeUpdateGroup } from '#shared/groups/update-group';
import { makeListGroupHistory } from '#shared/history/list-group-history';
import { makeBulkUpsertLearners } from '#shared/learners/bulk-upsert-learners';
import { makeDeleteLearner } from '#shared/learners/delete-learner';
import { makePutLearner } from '#shared/learners/put-learner';
import { makeGetLearner, makeListLearners } from '#shared/learners/read-learners';
import { makeAssignLearners } from '#shared/memberships/assign-learners';
import { makeListGroupLearners } from '#shared/memberships/list-group-learners';
import { COUNTED } from '#shared/memberships/membership';
import { makeRemoveLearners } from '#shared/memberships/remove-learners';
import { makeDeliverNotification } from '#shared/notifications/deliver-notification';
import { fileOutboxSender } from '#shared/notifications/file-outbox-sender';
import { makeGroupInvitationHook, makeInvitationQuota } from '#shared/notifications/group-invitation';
import { logOnlySender } from '#shared/notifications/log-only-sender';
import { makeNotificationQueue } from '#shared/notifications/notification-queue';
import { makeSendQuotaRepository } from '#shared/notifications/send-quota-repository';
import { makeSentNotificationRepository } from '#shared/notifications/sent-notification-repository';
import { once } from '#shared/once';
import { sendJson, sendJsonBatch } from '#shared/queue/send-json';
import {
  batches,
  branches,
  enrollments,
  groups,
  history,
  jobs,
  learners,
  memberships,
  tenantSettings,
} from '#shared/repositories';
import { makeGetTenantSettings, makePutTenantSettings } from '#shared/tenants/tenant-settings-use-cases';
import {
  enrollInModules,
  recalculateOnBranchMove,
  reevaluateEnrollees,
  reevaluateLearner,
  rulePorts,
} from '#shared/rules/wired';
import { fulfillAllowedEnrollments } from '#shared/enrollments/wired';
import { throttle } from '#shared/throttle/wired';

/*
 * The use cases wired to the real table, clock and queues: groups, branches, history, memberships,
 * learners, enrollments and notifications. One export per use case, each built on first use (see
 * shared/once.ts), so a function needs only the environment of the use cases it calls (its catalog
 * access) and its bundle carries only those.
 */

const isMember = async (groupUuid: string, learnerUuid: string) => {
  const found = await memberships().getMany(groupUuid, [{ learnerUuid }]);
  return [...found.values()].some((m) => COUNTED.includes(m.status));
};

// Enrollments, batches and the notification outbox.

export const applyBatchParticipants = /* @__PURE__ */ once(() =>
  makeApplyBatchParticipants({
    batches: batches(),
    enrollments: enrollments(),
    learners: learners(),
    clock: systemClock,
    onEnrollmentsChanged: (tenant, changes, context) => reevaluateEnrollees()(tenant, changes, context),
  }),
);

/** Attaching a learning module to a group starts a job enrolling its present members. */
const startModuleEnrollment = /* @__PURE__ */ once(() =>
  makeStartModuleEnrollment({
    jobs: jobs(),
    enqueuePlan: (jobId) => sendJsonBatch(config.jobPlansQueueUrl, [{ job_id: jobId }]),
    clock: systemClock,
    ids: randomIds,
  }),
);

export const createBatch = /* @__PURE__ */ once(() => makeCreateBatch(batches(), systemClock, randomIds));
export const getBatch = /* @__PURE__ */ once(() => makeGetBatch(batches()));
export const listBatchParticipants = /* @__PURE__ */ once(() => makeListBatchParticipants(batches(), enrollments()));
export const listCourseEnrollments = /* @__PURE__ */ once(() => makeListCourseEnrollments(enrollments()));
export const listLearnerEnrollments = /* @__PURE__ */ once(() => makeListLearnerEnrollments(enrollments(), learners()));
export const listEnrollmentAudit = /* @__PURE__ */ once(() => makeListEnrollmentAudit(enrollments()));
export const completeEnrollment = /* @__PURE__ */ once(() =>
  makeCompleteEnrollment(enrollments(), systemClock, randomIds, (tenant, changes, context) =>
    reevaluateEnrollees()(tenant, changes, context),
  ),
);
export const deliverNotification = /* @__PURE__ */ once(() =>
  makeDeliverNotification(
    makeSentNotificationRepository(db, config.tableName),
    config.notificationOutboxFile ? fileOutboxSender(config.notificationOutboxFile) : logOnlySender,
    systemClock,
  ),
);

// Groups, branches and history.

export const createGroup = /* @__PURE__ */ once(() =>
  makeCreateGroup(
    groups(),
    systemClock,
    randomIds,
    rulePorts(),
    async (tenant) =>
      // A group that sets no removal guard gets its tenant's default.
      (await tenantSettings().get(tenant)).removal_guard,
  ),
);
export const getTenantSettings = /* @__PURE__ */ once(() => makeGetTenantSettings(tenantSettings()));
export const putTenantSettings = /* @__PURE__ */ once(() => makePutTenantSettings(tenantSettings(), systemClock));
export const getGroup = /* @__PURE__ */ once(() => makeGetGroup(groups(), isMember));
export const updateGroup = /* @__PURE__ */ once(() =>
  makeUpdateGroup(groups(), systemClock, rulePorts(), (caller, group, courses) =>
    startModuleEnrollment()(caller, group, courses),
  ),
);
export const deleteGroup = /* @__PURE__ */ once(() =>
  makeDeleteGroup(
    groups(),
    (groupUuid) => sendJson(config.groupCleanupQueueUrl, { group_uuid: groupUuid }),
    systemClock,
  ),
);
export const listGroupHistory = /* @__PURE__ */ once(() => makeListGroupHistory(groups(), history()));
export const putBranch = /* @__PURE__ */ once(() =>
  makePutBranch(branches(), systemClock, (caller, tenant, trees) => recalculateOnBranchMove()(caller, tenant, trees)),
);
export const listBranches = /* @__PURE__ */ once(() => makeListBranches(branches()));
export const listGroups = /* @__PURE__ */ once(() => makeListGroups(groups(), memberships(), learners()));
export const findGroupByLegacyId = /* @__PURE__ */ once(() => makeFindGroupByLegacyId(groups()));
export const cleanupGroupMemberships = /* @__PURE__ */ once(() => makeCleanupGroupMemberships(groups(), memberships()));

// Memberships and learners.

export const listGroupLearners = /* @__PURE__ */ once(() =>
  makeListGroupLearners(groups(), memberships(), learners(), (...args) => throttle()(...args)),
);
export const assignLearners = /* @__PURE__ */ once(() =>
  makeAssignLearners({
    groups: groups(),
    memberships: memberships(),
    learners: learners(),
    branches: branches(),
    clock: systemClock,
    ids: randomIds,
    // Pending (e-mail) members get one `group_invitation` on the outbox.
    onMembersAdded: makeGroupInvitationHook(
      makeNotificationQueue(() => config.notificationsQueueUrl),
      systemClock,
      makeInvitationQuota(makeSendQuotaRepository(db, config.tableName)),
    ),
    enrollInModules: (group, members, context) => enrollInModules()(group, members, context),
  }),
);
export const removeLearners = /* @__PURE__ */ once(() =>
  makeRemoveLearners({ groups: groups(), memberships: memberships(), learners: learners(), clock: systemClock }),
);
export const putLearner = /* @__PURE__ */ once(() =>
  makePutLearner({
    learners: learners(),
    memberships: memberships(),
    clock: systemClock,
    onLearnerWritten: async (learner, context) => {
      await fulfillAllowedEnrollments()(learner, context);
      // Automatic groups: the learner's rule memberships follow its new fields.
      await reevaluateLearner()(learner.enterprise_customer_uuid, learner.learner_uuid, context);
    },
  }),
);
export const getLearner = /* @__PURE__ */ once(() => makeGetLearner(learners(), memberships(), groups()));
export const deleteLearner = /* @__PURE__ */ once(() =>
  makeDeleteLearner(learners(), memberships(), groups(), systemClock),
);
export const listLearners = /* @__PURE__ */ once(() => makeListLearners(learners()));
export const bulkUpsertLearners = /* @__PURE__ */ once(() => makeBulkUpsertLearners(putLearner(), randomIds));
