import * as z from 'zod';
import { storableNumber } from '#shared/db/storable-number';

/** Docebo's limits: at most 10 sets of at most 10 rules each. */
export const MAX_SETS = 10;
export const MAX_RULES_PER_SET = 10;

export const ATTRIBUTE_OPS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'contains',
  'starts_with',
  'is_empty',
  'is_not_empty',
  'gt',
  'gte',
  'lt',
  'lte',
] as const;
export type AttributeOp = (typeof ATTRIBUTE_OPS)[number];

const scalar = z.union([z.string().max(1000), storableNumber, z.boolean()]);

/**
 * An attribute rule compares one learner field (`email`, `branch_id`, …) or custom attribute
 * (`attributes.<name>`, or a bare name that is no learner field) with a value. `in`/`not_in` take a
 * list, `is_empty`/`is_not_empty` no value, every other op one scalar.
 */
const AttributePayload = z
  .strictObject({
    field: z.string().trim().min(1).max(200),
    op: z.enum(ATTRIBUTE_OPS),
    value: z.union([scalar, z.array(scalar).min(1).max(100)]).optional(),
  })
  .superRefine((p, ctx) => {
    const list = p.op === 'in' || p.op === 'not_in';
    const none = p.op === 'is_empty' || p.op === 'is_not_empty';
    if (none && p.value !== undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${p.op} takes no value` });
    if (list && !Array.isArray(p.value))
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${p.op} takes a list` });
    if (!list && !none && (p.value === undefined || Array.isArray(p.value)))
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${p.op} takes one value` });
  });

const BranchPayload = z.strictObject({
  branch_ids: z.array(z.string().trim().min(1).max(100)).min(1).max(100),
  include_descendants: z.boolean().default(false),
});

const EnrollmentStatusPayload = z.strictObject({
  course_id: z.string().trim().min(1).max(255),
  status: z.enum(['enrolled', 'not_enrolled', 'completed']),
});

export const Rule = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('attribute'), payload: AttributePayload }),
  z.strictObject({ type: z.literal('branch'), payload: BranchPayload }),
  z.strictObject({ type: z.literal('enrollment_status'), payload: EnrollmentStatusPayload }),
]);
export type Rule = z.infer<typeof Rule>;

/** Names the first element past a limit, so a 400 points at what is too many. */
const atMost = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z
    .array(item)
    .min(1)
    .superRefine((list, ctx) => {
      if (list.length > max)
        ctx.addIssue({ code: 'custom', path: [max], message: `at most ${max} ${what}; got ${list.length}` });
    });

export const RuleSet = z.strictObject({
  rules: atMost(Rule, MAX_RULES_PER_SET, 'rules per set'),
});

/**
 * A group's membership conditions (Docebo): every rule of a set must hold; `operator` combines the
 * sets (AND: all sets, OR: at least one). Inactive learners never match unless
 * `exclude_inactive_learners` is false.
 */
export const Ruleset = z.strictObject({
  operator: z.enum(['AND', 'OR']),
  sets: atMost(RuleSet, MAX_SETS, 'sets'),
  exclude_inactive_learners: z.boolean().default(true),
});
export type Ruleset = z.infer<typeof Ruleset>;
export type RulesetInput = z.input<typeof Ruleset>;

/** The courses whose enrollments a ruleset reads (so a loader fetches only those). */
export const coursesOf = (ruleset: Ruleset): string[] => [
  ...new Set(
    ruleset.sets.flatMap((s) => s.rules.flatMap((r) => (r.type === 'enrollment_status' ? [r.payload.course_id] : []))),
  ),
];
