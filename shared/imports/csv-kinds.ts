import type { JobKind } from '#shared/jobs/job';

/** The CSV kinds this service imports: their job kind and their columns. */
export const CSV_KINDS: Record<string, { job: JobKind; required: string[]; optional: string[] }> = {
  learners: {
    job: 'import_learners',
    required: ['email'],
    optional: ['learner_uuid', 'username', 'first_name', 'last_name', 'employee_id', 'state_id', 'branch_id', 'status'],
  },
  'group-members': { job: 'import_group_members', required: ['group', 'identifier'], optional: ['action'] },
  enrollments: { job: 'import_enrollments', required: ['course_id', 'identifier'], optional: ['action', 'cohort'] },
  'batch-participants': {
    job: 'import_batch_participants',
    required: ['batch_id', 'identifier'],
    optional: ['action'],
  },
};

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

/** `imports/{enterprise_uuid}/{kind}/{file}.csv` → its parts, or undefined for any other key. */
export function parseImportKey(key: string): { tenant: string; kind: string; file: string } | undefined {
  const match = /^imports\/([0-9a-f-]{36})\/([a-z-]+)\/(.+\.csv)$/i.exec(key);
  return match ? { tenant: match[1]!.toLowerCase(), kind: match[2]!, file: match[3]! } : undefined;
}

/** Where an import's results file goes (the bucket's `results/` prefix). */
export const RESULTS_PREFIX_PATH = 'results/';
