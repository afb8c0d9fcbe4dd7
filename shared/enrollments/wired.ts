import { randomIds, systemClock } from '#shared/clock';
import { config } from '#shared/config';
import { makeNotificationQueue } from '#shared/notifications/notification-queue';
import { once } from '#shared/once';
import { enrollments, learners, usernames } from '#shared/repositories';
import { makeApplyBulkEnrollment } from './apply-bulk-enrollment';
import type { OnEnrollmentsChanged } from './enrollment';
import { makeFulfillAllowedEnrollments } from './fulfill-allowed-enrollments';

/*
 * The enrollment use cases that stand below the rules: an enrollment change is announced to an
 * `OnEnrollmentsChanged` reaction that the wiring above passes in (the rules' re-evaluation), so this
 * module imports nothing that imports it.
 */

export const fulfillAllowedEnrollments = /* @__PURE__ */ once(() =>
  makeFulfillAllowedEnrollments({ enrollments: enrollments(), clock: systemClock, ids: randomIds }),
);

/** The per-chunk application of bulk_enroll (and of group learning modules), reacting through `onEnrollmentsChanged`. */
export const buildApplyBulkEnrollment = (onEnrollmentsChanged: OnEnrollmentsChanged) =>
  makeApplyBulkEnrollment({
    enrollments: enrollments(),
    usernames: usernames(),
    learners: learners(),
    notify: makeNotificationQueue(() => config.notificationsQueueUrl),
    clock: systemClock,
    onEnrollmentsChanged,
    // Allowances of e-mails whose learner was created while the chunk ran become its enrollments.
    onAllowed: async (tenant, emails, actor) => {
      const uuids = await learners().findUuids(tenant, 'EMAIL', emails);
      if (uuids.size === 0) return;
      for (const learner of (await learners().getMany(tenant, [...uuids.values()])).values()) {
        await fulfillAllowedEnrollments()(learner, { actor });
      }
    },
  });
