/** A tenant's directory record of one learner. */
export interface Learner {
  learner_uuid: string;
  enterprise_customer_uuid: string;
  email: string;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  employee_id: string | null;
  state_id: string | null;
  branch_id: string | null;
  attributes: Record<string, string | number | boolean | null>;
  status: 'active' | 'inactive';
  created: string;
  modified: string;
  version: number;
}

export type LearnerInput = Pick<Learner, 'email'> &
  Partial<
    Pick<
      Learner,
      'username' | 'first_name' | 'last_name' | 'employee_id' | 'state_id' | 'branch_id' | 'attributes' | 'status'
    >
  >;

/** E-mails are compared trimmed and lower-cased everywhere. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * The words of a learner's first and last name, lower-cased, each once (at most 10): the keys of
 * the name index that member search looks up by prefix.
 */
export function nameTokens(l: Pick<Learner, 'first_name' | 'last_name'>): string[] {
  const words = [l.first_name, l.last_name]
    .flatMap((n) => (n ?? '').toLocaleLowerCase('en-US').split(/[\s-]+/))
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, 100));
  return [...new Set(words)].slice(0, 10);
}
