/**
 * The updates of an automatic group's recalculation runs on its item (the generation, the run's
 * status, the admin's pause switch), built by small pure functions that name the condition each
 * writes under; unit-tested without a database.
 */
import type { UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/db/keys';
import type { RuleProcessing } from './group';

/** A single conditional UpdateItem, without its table. */
export type GroupUpdate = Omit<UpdateCommandInput, 'TableName'>;

/**
 * Starts a recalculation run: `rule_generation` from `expected` to `expected + 1` (only if no other
 * run moved it first and its rules are not paused), the run `running` under `jobId`; with `tick` (a
 * scheduled run) also claims that tick, only if no run of it or a later one started before.
 */
export function beginRuleRunUpdate(groupUuid: string, expected: number, jobId: string, tick?: string): GroupUpdate {
  const claim = tick
    ? ' AND (attribute_not_exists(rule_processing.scheduled_tick) OR rule_processing.scheduled_tick < :tick)'
    : '';
  return {
    Key: keys.group(groupUuid),
    ConditionExpression:
      'attribute_exists(PK) AND (rule_generation = :expected OR attribute_not_exists(rule_generation))' +
      ' AND rule_processing.#state <> :paused' +
      claim,
    UpdateExpression:
      'SET rule_generation = :next, rule_processing.#status = :running, rule_processing.job_id = :job, rule_processing.#error = :null' +
      (tick ? ', rule_processing.scheduled_tick = :tick' : ''),
    ExpressionAttributeNames: { '#status': 'status', '#error': 'error', '#state': 'state' },
    ExpressionAttributeValues: {
      ':expected': expected,
      ':next': expected + 1,
      ':running': 'running',
      ':job': jobId,
      ':null': null,
      ':paused': 'paused',
      ...(tick && { ':tick': tick }),
    },
  };
}

/** Ends the run of `generation` (a superseded run changes nothing). */
export const endRuleRunUpdate = (
  groupUuid: string,
  generation: number,
  outcome: Pick<RuleProcessing, 'status' | 'error' | 'last_membership_update'>,
): GroupUpdate => ({
  Key: keys.group(groupUuid),
  ConditionExpression: 'rule_generation = :gen',
  UpdateExpression:
    'SET rule_processing.#status = :status, rule_processing.#error = :error, rule_processing.last_membership_update = :at',
  ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
  ExpressionAttributeValues: {
    ':gen': generation,
    ':status': outcome.status,
    ':error': outcome.error,
    ':at': outcome.last_membership_update,
  },
});

/** Ends the still-running (or held) run of `generation` driven by `jobId` as `aborted` with the reason. */
export const abortRuleRunUpdate = (
  groupUuid: string,
  generation: number,
  jobId: string,
  reason: string,
  at: string,
): GroupUpdate => ({
  Key: keys.group(groupUuid),
  ConditionExpression:
    'rule_generation = :gen AND rule_processing.job_id = :job AND rule_processing.#status IN (:running, :held)',
  UpdateExpression:
    'SET rule_processing.#status = :aborted, rule_processing.#error = :reason, rule_processing.last_membership_update = :at',
  ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
  ExpressionAttributeValues: {
    ':gen': generation,
    ':job': jobId,
    ':running': 'running',
    ':held': 'awaiting_approval',
    ':aborted': 'aborted',
    ':reason': reason,
    ':at': at,
  },
});

/** The admin's switch: `paused` stops new runs and incremental changes (only on an automatic group). */
export const ruleStateUpdate = (groupUuid: string, state: RuleProcessing['state']): GroupUpdate => ({
  Key: keys.group(groupUuid),
  ConditionExpression: 'attribute_exists(rule_processing)',
  UpdateExpression: 'SET rule_processing.#state = :state',
  ExpressionAttributeNames: { '#state': 'state' },
  ExpressionAttributeValues: { ':state': state },
});

/** The run of `generation` driven by `jobId`, held by the removal guard (or resumed by an approval). */
export const ruleRunStatusUpdate = (
  groupUuid: string,
  generation: number,
  jobId: string,
  from: RuleProcessing['status'],
  to: RuleProcessing['status'],
): GroupUpdate => ({
  Key: keys.group(groupUuid),
  ConditionExpression: 'rule_generation = :gen AND rule_processing.job_id = :job AND rule_processing.#status = :from',
  UpdateExpression: 'SET rule_processing.#status = :to',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':gen': generation, ':job': jobId, ':from': from, ':to': to },
});
