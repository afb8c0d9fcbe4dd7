/** A group of learners inside one tenant (ADR 0013, extended with Docebo and SmarterU fields). */
export interface Group {
  group_uuid: string;
  name: string;
  enterprise_customer_uuid: string;
  description: string | null;
  type: 'manual' | 'automatic';
  status: 'active' | 'inactive';
  external_id: string | null;
  legacy_id: number | null;
  user_limit: number | null;
  member_count: number;
  notification_emails: string[];
  tags: { name: string; values: string[] }[];
  created: string;
  modified: string;
  version: number;
}

/** Fields a client may set; everything else is the service's. */
export type GroupInput = Pick<Group, 'name'> &
  Partial<
    Pick<
      Group,
      'description' | 'type' | 'status' | 'external_id' | 'legacy_id' | 'user_limit' | 'notification_emails' | 'tags'
    >
  >;

export const normalizeName = (name: string) => name.trim().toLocaleLowerCase('en-US');
