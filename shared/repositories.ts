import { config } from '#shared/config';
import { db } from '#shared/db/client';
import { makeBranchRepository } from '#shared/branches/branch-repository';
import { makeBatchRepository } from '#shared/enrollments/batch-repository';
import { makeEnrollmentRepository } from '#shared/enrollments/enrollment-repository';
import { makeUsernameDirectory } from '#shared/enrollments/username-directory';
import { makeUploadGrantRepository } from '#shared/imports/upload-grant-repository';
import { makeGroupRepository } from '#shared/groups/group-repository';
import { makeHistoryRepository } from '#shared/history/history-repository';
import { makeJobRepository } from '#shared/jobs/job-repository';
import { makeLearnerRepository } from '#shared/learners/learner-repository';
import { makeMembershipRepository } from '#shared/memberships/membership-repository';
import { makeRulesetHistoryRepository } from '#shared/rules/ruleset-history-repository';
import { once } from '#shared/once';
import { makeTenantSettingsRepository } from '#shared/tenants/tenant-settings-repository';

/**
 * The repositories on the process's document client and the table, each built on first use. One
 * export each (not one object) so that a function's bundle carries only the repositories it reaches.
 */
export const groups = /* @__PURE__ */ once(() => makeGroupRepository(db, config.tableName));
export const memberships = /* @__PURE__ */ once(() => makeMembershipRepository(db, config.tableName));
export const learners = /* @__PURE__ */ once(() => makeLearnerRepository(db, config.tableName));
export const branches = /* @__PURE__ */ once(() => makeBranchRepository(db, config.tableName));
export const history = /* @__PURE__ */ once(() => makeHistoryRepository(db, config.tableName));
export const enrollments = /* @__PURE__ */ once(() => makeEnrollmentRepository(db, config.tableName));
export const batches = /* @__PURE__ */ once(() => makeBatchRepository(db, config.tableName));
export const usernames = /* @__PURE__ */ once(() => makeUsernameDirectory(db, config.tableName));
export const rulesetHistory = /* @__PURE__ */ once(() => makeRulesetHistoryRepository(db, config.tableName));
export const jobs = /* @__PURE__ */ once(() => makeJobRepository(db, config.tableName));
export const tenantSettings = /* @__PURE__ */ once(() => makeTenantSettingsRepository(db, config.tableName));
export const uploadGrants = /* @__PURE__ */ once(() => makeUploadGrantRepository(db, config.tableName));
