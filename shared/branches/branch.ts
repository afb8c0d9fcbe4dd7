/** A node of a tenant's org tree (Docebo branches): learners carry a `branch_id`. */
export interface Branch {
  branch_id: string;
  enterprise_customer_uuid: string;
  name: string;
  /** null for a root. */
  parent_id: string | null;
  created: string;
  modified: string;
}

/**
 * Whether making `parentId` the parent of `branchId` would close a loop: it would, when the
 * parent is the branch itself or one of its descendants (the walk up from the parent meets it).
 */
export function wouldCycle(all: Branch[], branchId: string, parentId: string): boolean {
  const parentOf = new Map(all.map((b) => [b.branch_id, b.parent_id]));
  const seen = new Set<string>();
  for (let at: string | null | undefined = parentId; at; at = parentOf.get(at)) {
    if (at === branchId) return true;
    if (seen.has(at)) return true; // a stored loop; never written, but never followed forever either
    seen.add(at);
  }
  return false;
}

/** The branch and every branch below it, each once. */
export function descendantsOf(all: Branch[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const b of all) {
    if (b.parent_id === null) continue;
    children.set(b.parent_id, [...(children.get(b.parent_id) ?? []), b.branch_id]);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
