import type { Group } from '#shared/groups/group';
import type { GuardHold, Job } from '#shared/jobs/job';
import { type Notification, notificationId } from './notification';

/**
 * One `removals_awaiting_approval` message per notification e-mail of a group whose removal guard
 * held a job. The id derives from the job and the address, so a finish step that runs again (a
 * redelivered chunk) puts the same ids on the outbox and each address is told once.
 */
export function removalsHeldNotifications(group: Group, job: Job, hold: GuardHold, now: string): Notification[] {
  return group.notification_emails.map((to) => ({
    notification_id: notificationId('removals_awaiting_approval', job.job_id, to),
    template: 'removals_awaiting_approval',
    enterprise_customer_uuid: group.enterprise_customer_uuid,
    to,
    learner_uuid: null,
    context: {
      group_uuid: group.group_uuid,
      group_name: group.name,
      job_id: job.job_id,
      would_remove: hold.would_remove,
      member_count: hold.member_count,
      percent: hold.percent,
    },
    created: now,
  }));
}
