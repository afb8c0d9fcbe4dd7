import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalLog } from '#local/local-log';
import { poison } from './fault-injector';
import { type ReliabilityStack, startReliabilityStack } from './in-process-stack';

/**
 * Everything the stack prints while it serves a realistic day — learners with names, invitations by
 * e-mail, member searches, CSV imports, bulk enrollment with e-mails to students, failures that log
 * errors — at DEBUG level, from the handlers' structured logger and from the local gateway and
 * pollers alike, holds none of the e-mail addresses or names that went through it.
 */
const captured: string[] = [];
const log: LocalLog = {
  info: (line) => captured.push(line),
  warn: (line) => captured.push(line),
  error: (line, error) =>
    captured.push(`${line} ${error instanceof Error ? `${error.message}\n${error.stack}` : String(error ?? '')}`),
};
const streams = [process.stdout, process.stderr];
const writes = streams.map((stream) => stream.write.bind(stream));

let s: ReliabilityStack;

beforeAll(async () => {
  s = await startReliabilityStack({ visibilityTimeoutSeconds: 1, env: { LOG_LEVEL: 'DEBUG' }, log });
  // The handlers' structured logger (Powertools) writes to the process streams: keep a copy.
  streams.forEach((stream, i) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push(String(chunk));
      return (writes[i] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
  });
});

afterAll(async () => {
  streams.forEach((stream, i) => {
    stream.write = writes[i] as typeof stream.write;
  });
  await s?.stop();
});

const people = [
  { first: 'Zebulon', last: 'Quixote', email: 'Zebulon.Quixote@pii-probe.example' },
  { first: 'Philippa', last: 'Marchbanks', email: 'philippa.marchbanks@pii-probe.example' },
  { first: 'Ignatius', last: 'Vandersloot', email: 'ignatius.vandersloot@pii-probe.example' },
];
const invitee = 'only.invited.wilhelmina@pii-probe.example';
const csvPerson = { first: 'Octavia', last: 'Featherstonehaugh', email: 'octavia.fh@pii-probe.example' };

describe('logs', () => {
  it('hold no e-mail address and no name that went through the stack', async () => {
    const tenant = randomUUID();
    const token = await s.adminToken(tenant);
    const staff = await s.staffToken();
    const learners = `/api/v1/enterprise-customer/${tenant}/learners`;
    const uuids = people.map(() => randomUUID());
    for (const [i, p] of people.entries()) {
      const put = await s.api('PUT', `${learners}/${uuids[i]}/`, {
        token,
        body: { email: p.email, first_name: p.first, last_name: p.last, employee_id: `EMP-${p.last}` },
      });
      expect(put.status).toBe(201);
    }
    // A second learner with a taken e-mail, an invalid one: refusals that name what is wrong.
    expect(
      (await s.api('PUT', `${learners}/${randomUUID()}/`, { token, body: { email: people[0]!.email } })).status,
    ).toBe(409);
    expect(
      (await s.api('PUT', `${learners}/${randomUUID()}/`, { token, body: { email: `${people[1]!.first}@` } })).status,
    ).toBe(400);

    const group = await s.api('POST', '/api/v1/enterprise-group/', {
      token,
      body: { name: 'PII probe', enterprise_customer_uuid: tenant, external_id: 'PII' },
    });
    const groupUuid = group.json.group_uuid as string;
    const assigned = await s.api('POST', `/api/v1/enterprise-group/${groupUuid}/assign_learners`, {
      token,
      body: { learner_emails: [...people.map((p) => p.email), invitee] },
    });
    expect(assigned.json.count).toBe(4);
    for (const search of [people[0]!.first, people[1]!.email, `${people[2]!.first} ${people[2]!.last}`]) {
      const found = await s.api(
        'GET',
        `/api/v1/enterprise-group/${groupUuid}/learners/?search=${encodeURIComponent(search)}`,
        { token },
      );
      expect(found.json.count).toBe(1);
    }
    expect((await s.api('GET', `${learners}/?search=${encodeURIComponent('philippa')}`, { token })).json.count).toBe(1);
    const exported = await s.api('GET', `/api/v1/enterprise-group/${groupUuid}/export/?columns=email,first_name`, {
      token,
    });
    expect(String(exported.json)).toContain(people[0]!.email.toLowerCase());

    const enrolled = await s.api('POST', '/api/bulk_enroll/v1/bulk_enroll/', {
      token: staff,
      body: {
        action: 'enroll',
        courses: 'course-v1:PII+Probe+1',
        identifiers: [people[1]!.email, invitee],
        email_students: true,
        auto_enroll: true,
        enterprise_customer_uuid: tenant,
      },
    });
    expect(enrolled.status).toBe(200);

    const key = `imports/${tenant}/learners/people.csv`;
    await s.dropCsv(
      key,
      `email,first_name,last_name\n${csvPerson.email},${csvPerson.first},${csvPerson.last}\nnot-an-email,${csvPerson.last},X\n`,
    );
    await s.dropCsv(
      `imports/${tenant}/group-members/members.csv`,
      `group,identifier\nPII,${csvPerson.email}\nPII,${people[2]!.email}\n`,
    );

    // Failures that log: an unhandled error on an HTTP call, and a job chunk that fails once and is retried.
    const failing = s.faults.inject({
      command: 'TransactWriteItemsCommand',
      touching: groupUuid,
      times: 2,
      answer: poison(),
    });
    const refused = await s.api('POST', `/api/v1/enterprise-group/${groupUuid}/remove_learners`, {
      token,
      body: { learner_emails: [people[0]!.email] },
    });
    expect(refused.status).toBe(500);
    await s.idle(60_000);
    await new Promise((r) => setTimeout(r, 1_500));
    await s.idle(60_000);
    failing.clear();

    // What AWS runs instead of the local outbox: the log-only sender, handed a real notification.
    const { logOnlySender } = await import('#shared/notifications/log-only-sender');
    await logOnlySender({
      notification_id: randomUUID(),
      template: 'group_invitation',
      enterprise_customer_uuid: tenant,
      to: invitee,
      learner_uuid: null,
      context: { group_uuid: groupUuid, group_name: 'PII probe' },
      created: new Date().toISOString(),
    });

    const text = captured.join('\n').toLowerCase();
    expect(text.length).toBeGreaterThan(0);
    expect(text).toContain('job chunk'); // the structured logger was captured at DEBUG/INFO
    const secrets = [...people, csvPerson].flatMap((p) => [p.email, p.first, p.last]).concat(invitee);
    for (const secret of secrets) expect(text, secret).not.toContain(secret.toLowerCase());
    expect(text).not.toMatch(/[a-z0-9._%+-]+@pii-probe\.example/);
    expect(text).toMatch(/get \/api\/v1\/enterprise-group\/[0-9a-f-]+\/learners\/\?search=…/);
  });
});
