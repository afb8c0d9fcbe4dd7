import { courseId } from '#shared/enrollments/course-id';
import { MAX_COHORT_LENGTH } from '#shared/enrollments/schemas';
import { MAX_GROUP_NAME_LENGTH } from '#shared/groups/schemas';
import type { JobKind } from '#shared/jobs/job';
import { LEARNER_FIELD_MAX } from '#shared/learners/schemas';
import { MAX_IDENTIFIER_LENGTH } from '#shared/memberships/schemas';

const UUID_LENGTH = 36;
const identifier = MAX_IDENTIFIER_LENGTH;
/**
 * A column of a few allowed words (an action, a status) has no length cap in the API, only its
 * words: this bounds it without taking the place of the row's own message for a wrong word.
 */
const WORD = 100;

export interface CsvKind {
  job: JobKind;
  required: string[];
  optional: string[];
  /**
   * Longest value of each column (characters, trimmed): the API's cap of the field the column feeds
   * (an action or status: WORD). A longer cell fails its row, and is stored cut to this.
   */
  maxLength: Record<string, number>;
}

/** The CSV kinds this service imports: their job kind and their columns. */
export const CSV_KINDS: Record<string, CsvKind> = {
  learners: {
    job: 'import_learners',
    required: ['email'],
    optional: ['learner_uuid', 'username', 'first_name', 'last_name', 'employee_id', 'state_id', 'branch_id', 'status'],
    maxLength: { email: identifier, learner_uuid: UUID_LENGTH, ...LEARNER_FIELD_MAX, status: WORD },
  },
  'group-members': {
    job: 'import_group_members',
    required: ['group', 'identifier'],
    optional: ['action'],
    maxLength: { group: MAX_GROUP_NAME_LENGTH, identifier, action: WORD },
  },
  enrollments: {
    job: 'import_enrollments',
    required: ['course_id', 'identifier'],
    optional: ['action', 'cohort'],
    maxLength: { course_id: courseId.maxLength!, identifier, action: WORD, cohort: MAX_COHORT_LENGTH },
  },
  'batch-participants': {
    job: 'import_batch_participants',
    required: ['batch_id', 'identifier'],
    optional: ['action'],
    maxLength: { batch_id: UUID_LENGTH, identifier, action: WORD },
  },
};

/**
 * Characters of one record at most (csv-parse's `max_record_size`): far above any row the caps
 * allow, so that a row with an over-long cell is still read and fails alone, while a line of
 * megabytes (a missing closing quote swallowing the file, a crafted cell) fails the file early.
 */
export const MAX_RECORD_CHARS = 65_536;

/**
 * Rows one import accepts, beside MAX_IMPORT_BYTES (100 MiB): a file of short rows would otherwise
 * make some 15 million, more than one job's chunks, counters and results file are sized for. A
 * file with more fails its job before any chunk is queued.
 */
export const MAX_IMPORT_ROWS = 1_000_000;

/** Reasons a header cannot be used, or an empty list. Names are compared trimmed and lower-cased. */
export function headerProblems(kind: string, header: string[]): string[] {
  const spec = CSV_KINDS[kind];
  if (!spec) return [`unknown kind "${kind}"; known kinds: ${Object.keys(CSV_KINDS).join(', ')}`];
  const known = [...spec.required, ...spec.optional];
  const problems: string[] = [];
  const missing = spec.required.filter((c) => !header.includes(c));
  if (missing.length) problems.push(`missing column(s) ${missing.join(', ')}`);
  const unknown = header.filter((c) => !known.includes(c));
  if (unknown.length)
    problems.push(`unknown column(s) ${unknown.map((c) => `"${c}"`).join(', ')}; allowed: ${known.join(', ')}`);
  const repeated = header.filter((c, i) => header.indexOf(c) !== i);
  if (repeated.length) problems.push(`repeated column(s) ${repeated.join(', ')}`);
  return problems;
}

/** Where CSV drops go (the bucket's `imports/` prefix). */
export const IMPORTS_PREFIX_PATH = 'imports/';

/**
 * `imports/{enterprise_uuid}/{kind}/{file}.csv` → its parts, or undefined for any other key. The
 * tenant must be a uuid (8-4-4-4-12 hex digits), not any 36 characters of hex digits and dashes.
 */
export function parseImportKey(key: string): { tenant: string; kind: string; file: string } | undefined {
  const match = /^imports\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([a-z-]+)\/(.+\.csv)$/i.exec(
    key,
  );
  return match ? { tenant: match[1]!.toLowerCase(), kind: match[2]!, file: match[3]! } : undefined;
}

/** Where an import's results file goes (the bucket's `results/` prefix). */
export const RESULTS_PREFIX_PATH = 'results/';
