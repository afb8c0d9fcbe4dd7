import * as z from 'zod';
import { storableNumber } from '#shared/db/storable-number';

const text = (max: number) => z.string().trim().min(1).max(max);
const nullableText = (max: number) => text(max).nullable().optional();

/** Longest value of each text field of a learner, in characters: the API's caps, and a CSV import's. */
export const LEARNER_FIELD_MAX = {
  username: 150,
  first_name: 150,
  last_name: 150,
  employee_id: 100,
  state_id: 100,
  branch_id: 100,
} as const;

/** A learner as a client writes it (PUT, bulk rows, CSV rows). Unknown fields are refused. */
export const LearnerBody = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  username: nullableText(LEARNER_FIELD_MAX.username),
  first_name: nullableText(LEARNER_FIELD_MAX.first_name),
  last_name: nullableText(LEARNER_FIELD_MAX.last_name),
  employee_id: nullableText(LEARNER_FIELD_MAX.employee_id),
  state_id: nullableText(LEARNER_FIELD_MAX.state_id),
  branch_id: nullableText(LEARNER_FIELD_MAX.branch_id),
  attributes: z
    .record(z.string().min(1).max(100), z.union([z.string().max(1000), storableNumber, z.boolean(), z.null()]))
    .refine((a) => Object.keys(a).length <= 100, 'at most 100 attributes')
    .optional(),
  status: z.enum(['active', 'inactive']).optional(),
});

export const BulkLearnerRow = LearnerBody.extend({ learner_uuid: z.uuid().optional() });

/** Synchronous bulk limit; larger requests become jobs with the bulk issue. */
export const MAX_SYNC_LEARNERS = 1000;
