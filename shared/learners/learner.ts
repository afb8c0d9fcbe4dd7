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
