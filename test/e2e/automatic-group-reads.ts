import { expect } from 'vitest';
import { api } from './client';

const GROUPS = '/api/v1/enterprise-group';

/** Waits until the group's rule processing has left `running` for the run it names (bounded). */
export async function settled(token: string, groupUuid: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const group = await api('GET', `${GROUPS}/${groupUuid}/`, { token });
    if (group.json.rule_processing?.status !== 'running') return group.json;
    if (Date.now() > deadline) throw new Error(`still running: ${JSON.stringify(group.json.rule_processing)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The learner uuids of a group's active members (up to 1000). */
export async function activeMembers(token: string, groupUuid: string): Promise<Set<string>> {
  const page = await api('GET', `${GROUPS}/${groupUuid}/learners/?page_size=1000&status=active`, { token });
  expect(page.status).toBe(200);
  return new Set(page.json.results.map((m: { learner_uuid: string }) => m.learner_uuid));
}
