/** Per-identifier outcome of participants/add and participants/remove. */
export type ParticipantOutcome =
  | 'added'
  | 'removed'
  | 'already_present'
  | 'not_present'
  | 'already_completed'
  | 'duplicate_in_request'
  | 'in_other_batch'
  | 'not_found'
  | 'invalid'
  | 'error';

export interface ParticipantResult {
  identifier: string;
  outcome: ParticipantOutcome;
  learner_uuid?: string;
  message?: string;
}

const CHANGED: ParticipantOutcome[] = ['added', 'removed'];
const SKIPPED: ParticipantOutcome[] = ['already_present', 'not_present', 'already_completed', 'duplicate_in_request'];

/** Every identifier lands in exactly one of results (changed), skipped or errors; `count` is how many changed. */
export function summarizeParticipants(all: ParticipantResult[]) {
  const changed = all.filter((r) => CHANGED.includes(r.outcome));
  return {
    count: changed.length,
    results: changed,
    skipped: all.filter((r) => SKIPPED.includes(r.outcome)),
    errors: all.filter((r) => !CHANGED.includes(r.outcome) && !SKIPPED.includes(r.outcome)),
  };
}
