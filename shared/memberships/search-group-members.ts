import { ValidationError } from '#shared/errors';
import type { Group } from '#shared/groups/group';
import { type Learner, nameTokens } from '#shared/learners/learner';
import type { LearnerRepository } from '#shared/learners/learner-repository';
import type { Membership } from './membership';
import type { MembershipRepository } from './membership-repository';

/** Groups up to this many members are searched by reading their partition whole. */
export const SEARCH_READS_GROUP_UP_TO = 2_000;
/**
 * Such a group's partition is read up to this many membership items (removed ones count: they are read
 * and then filtered out); a partition longer than that, full of removed memberships, is searched from
 * the learner side like a big group, so a search never reads a group's whole history.
 */
export const SEARCH_READS_UP_TO = 5_000;
/** Above it, the tenant's e-mail and name indexes are read; a search matching more learners is refused. */
export const MAX_SEARCH_CANDIDATES = 5_000;

export interface SearchDeps {
  memberships: Pick<MembershipRepository, 'listUpTo' | 'getMany' | 'byEmailPrefix'>;
  learners: Pick<LearnerRepository, 'getMany' | 'searchUuids'>;
}

export interface MemberFilter {
  search: string;
  statuses: Membership['status'][];
  source?: Membership['source'] | undefined;
}

/**
 * The members of a group with these statuses (and source), read page by page; stops once more than
 * `max` are read, so a caller can tell "more than max" from "exactly max".
 */
export async function listAllMembers(
  memberships: Pick<MembershipRepository, 'list'>,
  groupUuid: string,
  q: { statuses: Membership['status'][]; source?: Membership['source'] | undefined },
  max: number,
): Promise<Membership[]> {
  const out: Membership[] = [];
  let cursor: string | undefined;
  do {
    const page = await memberships.list({ groupUuid, statuses: q.statuses, source: q.source, pageSize: 1000, cursor });
    out.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor && out.length <= max);
  return out;
}

/** The words of a search, lower-cased; every word must start the e-mail or a word of the name. */
export const searchWords = (search: string) =>
  [...new Set(search.toLocaleLowerCase('en-US').split(/\s+/))].filter((w) => w.length > 0);

function matches(words: string[], email: string, learner: Learner | undefined): boolean {
  const tokens = learner ? nameTokens(learner) : [];
  return words.every((w) => email.startsWith(w) || tokens.some((t) => t.startsWith(w)));
}

/**
 * Every member of a group matching a search (each word a prefix of the e-mail, the first name or the
 * last name), with the learners behind them. A group of up to SEARCH_READS_GROUP_UP_TO members is
 * read whole (cost ∝ group size) if its partition holds at most SEARCH_READS_UP_TO items; a bigger one is searched from the other side: the tenant's
 * e-mail and name indexes give the learners matching the most selective word (cost ∝ matches), and
 * their memberships in this group are read by key. That keeps a 100k-member group's search at the
 * price of its matches; a word matching more than MAX_SEARCH_CANDIDATES learners is refused.
 */
export async function searchGroupMembers(
  { memberships, learners }: SearchDeps,
  group: Group,
  q: MemberFilter,
): Promise<{ members: Membership[]; learners: Map<string, Learner> }> {
  const words = searchWords(q.search);
  const wanted = (m: Membership) => q.statuses.includes(m.status) && (!q.source || m.source === q.source);
  const small =
    group.member_count <= SEARCH_READS_GROUP_UP_TO
      ? await memberships.listUpTo({ groupUuid: group.group_uuid, ...q }, SEARCH_READS_UP_TO)
      : undefined;
  let candidates: Membership[];
  if (small?.complete) {
    candidates = small.items;
  } else {
    const word = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    const [found, pending] = await Promise.all([
      learners.searchUuids(group.enterprise_customer_uuid, word, MAX_SEARCH_CANDIDATES),
      memberships.byEmailPrefix(group.group_uuid, word, MAX_SEARCH_CANDIDATES),
    ]);
    if (found.more || pending.length > MAX_SEARCH_CANDIDATES) {
      throw new ValidationError(
        `"${word}" matches more than ${MAX_SEARCH_CANDIDATES} learners; give a longer search`,
        [{ path: 'query.search', message: 'too broad for a group this large' }],
        'search_too_broad',
      );
    }
    const byLearner = await memberships.getMany(
      group.group_uuid,
      found.uuids.map((learnerUuid) => ({ learnerUuid })),
    );
    candidates = [...byLearner.values(), ...pending].filter(wanted);
  }
  const details = await learners.getMany(
    group.enterprise_customer_uuid,
    candidates.flatMap((m) => (m.learner_uuid ? [m.learner_uuid] : [])),
  );
  const members = candidates.filter((m) => {
    const learner = m.learner_uuid ? details.get(m.learner_uuid) : undefined;
    return matches(words, learner?.email ?? m.pending_learner_email ?? '', learner);
  });
  return { members, learners: details };
}
