import * as z from 'zod';
import { storableNumber } from '#shared/db/storable-number';

const text = (max: number) => z.string().trim().min(1).max(max);
const nullableText = (max: number) => text(max).nullable().optional();

/** A learner as a client writes it (PUT, bulk rows, CSV rows). Unknown fields are refused. */
export const LearnerBody = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  username: nullableText(150),
  first_name: nullableText(150),
  last_name: nullableText(150),
  employee_id: nullableText(100),
  state_id: nullableText(100),
  branch_id: nullableText(100),
  attributes: z
    .record(z.string().min(1).max(100), z.union([z.string().max(1000), storableNumber, z.boolean(), z.null()]))
    .refine((a) => Object.keys(a).length <= 100, 'at most 100 attributes')
    .optional(),
  status: z.enum(['active', 'inactive']).optional(),
});

export const BulkLearnerRow = LearnerBody.extend({ learner_uuid: z.uuid().optional() });

/** Synchronous bulk limit; larger requests become jobs with the bulk issue. */
export const MAX_SYNC_LEARNERS = 1000;
