import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answered } from '#local/client/api-client';
import { tokenFor, typedApi } from '#test/e2e/client';
import {
  type Answer,
  axeViolations,
  consoleUrl,
  failedAnswers,
  launch,
  recordAnswers,
  screenshot,
} from '#test/browser/browser';

/**
 * The admin console in Debian's Chromium against the real local stack (started by the e2e global
 * setup): what an admin does, page by page, with axe-core on every page and no 4xx in a normal walk.
 * The tests share one page and run in order: each builds on the group the earlier ones made.
 */
const tenant = randomUUID();
let browser: Browser;
let page: Page;
let answers: Answer[];
let admin: ReturnType<typeof typedApi>;
let groupUuid: string;

const groupName = `Sales EMEA ${tenant.slice(0, 8)}`;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  // Under the whole suite on two shared cores a function's first call (its worker's cold start) takes seconds.
  page.setDefaultTimeout(45_000);
  answers = recordAnswers(page);
  admin = typedApi(await tokenFor({ roles: ['enterprise_admin'], enterprises: [tenant], sub: 'browser-test-admin' }));
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(({ onTestFailed }) => {
  answers.length = 0;
  // What the page showed, for the report: the answers it got and its text.
  onTestFailed(async () => {
    console.error(`answers: ${JSON.stringify(answers.filter((a) => !a.url.includes('/assets/')))}`);
    console.error(
      `page text:\n${await page
        .locator('body')
        .innerText()
        .catch(() => '(none)')}`,
    );
  });
});

async function expectAccessible(name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, name);
}

/**
 * A hash route opened afresh (reloaded: a same-document hash change would keep the last test's form
 * state), then the page's main heading once the route has rendered.
 */
async function go(route: string, heading: string | RegExp): Promise<void> {
  await page.goto(`${consoleUrl}#${route}`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Polls until the page shows what is expected: a function's first call may start its worker (seconds). */
const eventually = <T>(read: () => Promise<T>, timeout = 45_000) => expect.poll(read, { timeout, interval: 100 });

describe('the admin console', () => {
  it('signs in locally with a role and a tenant and lists the groups', async () => {
    await page.goto(consoleUrl);
    await page.getByRole('heading', { name: 'Sign in to the groups admin console' }).waitFor();
    await expectAccessible('sign-in');
    // By keyboard alone: the role, then Tab to the tenant, then Enter submits.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('role');
    expect(await page.getByLabel('Role').inputValue()).toBe('enterprise_admin');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('tenant');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(tenant);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
    await eventually(() => page.getByText('0 groups').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(failedAnswers(answers)).toEqual([]);
  });

  it('creates a group with every field from the form', async () => {
    await go('/groups/new', 'New group');
    await page.getByLabel('Name').fill(groupName);
    await page.getByLabel('Description').fill('Sales reps of Europe');
    await page.getByLabel('User limit').fill('50');
    await page.getByLabel('External id').fill(`G-${tenant.slice(0, 6)}`);
    await page.getByLabel('Tags').fill('region: emea, europe');
    await page.getByLabel('Notification e-mails').fill('lead@example.com');
    await page.getByRole('button', { name: 'Add a course' }).click();
    await page.getByLabel('Course id 1').fill('course-v1:Acme+Sales+2026');
    await expectAccessible('group-new');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('heading', { level: 1, name: groupName }).waitFor();
    groupUuid = new URL(page.url()).hash.split('/')[2]!;
    const group = answered(
      'get',
      await admin.GET('/api/v1/enterprise-group/{group_uuid}', { params: { path: { group_uuid: groupUuid } } }),
    );
    expect(group).toMatchObject({
      name: groupName,
      description: 'Sales reps of Europe',
      user_limit: 50,
      tags: [{ name: 'region', values: ['emea', 'europe'] }],
      notification_emails: ['lead@example.com'],
      learning_modules: [{ course_id: 'course-v1:Acme+Sales+2026' }],
    });
    await expectAccessible('group-settings');
    expect(failedAnswers(answers)).toEqual([]);
  });

  it('adds members by e-mail with each identifier’s outcome, exports them as CSV and removes one', async () => {
    await go(`/groups/${groupUuid}/members`, groupName);
    await page.getByLabel('E-mails or learner uuids').fill('ada@example.com\ngrace@example.com, ADA@example.com');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const outcomes = page.getByRole('table', { name: 'Outcome per identifier' });
    await outcomes.waitFor();
    await eventually(() => outcomes.locator('tbody tr').allInnerTexts()).toEqual([
      'ada@example.com\tinvited\t',
      'grace@example.com\tinvited\t',
      expect.stringMatching(/^ADA@example.com\tduplicate_in_request/),
    ]);
    await eventually(() => page.getByText('2 members', { exact: true }).isVisible()).toBe(true);
    // The group's own count too, read again after the change (never a cached copy).
    await eventually(() => page.locator('.meta').innerText()).toContain('2 members');
    await expectAccessible('members');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    const csv = await readFile((await (await downloading).path())!, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toContain('email');
    expect(csv).toContain('grace@example.com');

    await page.getByRole('checkbox', { name: 'Select grace@example.com' }).check();
    await page.getByRole('button', { name: 'Remove selected (1)' }).click();
    await eventually(() => page.getByText('1 member', { exact: true }).isVisible()).toBe(true);
    await eventually(() => page.locator('.meta').innerText()).toContain('1 member ·');
    expect(failedAnswers(answers)).toEqual([]);
  });

  it('shows the API’s message and field on bad input, and keeps what was typed', async () => {
    await go(`/groups/${groupUuid}/settings`, groupName);
    await page.getByLabel('Notification e-mails').fill('lead@example.com\nnot-an-e-mail');
    await page.getByLabel('Description').fill('Typed before the failed save');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('body.notification_emails.1');
    await eventually(() => page.getByLabel('Notification e-mails').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Description').inputValue()).toBe('Typed before the failed save');
    expect(await page.getByLabel('Notification e-mails').inputValue()).toBe('lead@example.com\nnot-an-e-mail');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'group-bad-input');
    expect(failedAnswers(answers).map((a) => a.status)).toEqual([400]);
  });

  it('answers a stale edit with “changed by someone else; reload”, keeps the edit, and reloads on request', async () => {
    await go(`/groups/${groupUuid}/settings`, groupName);
    // Someone else saves while the form is open.
    answered(
      'patch',
      await admin.PATCH('/api/v1/enterprise-group/{group_uuid}', {
        params: { path: { group_uuid: groupUuid } },
        body: { description: 'Changed elsewhere' },
      }),
    );
    await page.getByLabel('Description').fill('My edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changed by someone else; reload.').waitFor();
    expect(await page.getByLabel('Description').inputValue()).toBe('My edit');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'group-stale-edit');
    expect(failedAnswers(answers).map((a) => a.status)).toEqual([412]);
    await page.getByRole('button', { name: 'Reload the group' }).click();
    await eventually(() => page.getByLabel('Description').inputValue()).toBe('Changed elsewhere');
  });

  it('uploads a CSV and follows its job to 100%, with the results file and the failed rows', async () => {
    await go('/upload', 'CSV upload');
    await page.getByLabel('Kind').selectOption('group-members');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'members.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `group,identifier\n${groupName},alan@example.com\n${groupName},edsger@example.com\nNo such group,x@example.com\n`,
      ),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    const bar = page.getByRole('progressbar', { name: 'Job progress' });
    await bar.waitFor();
    await eventually(() => bar.getAttribute('value'), 90_000).toBe('100');
    await eventually(() => page.getByRole('status').filter({ hasText: 'Status:' }).innerText()).toMatch(
      /completed_with_errors · 3 of 3 rows processed · 2 succeeded · 0 skipped · 1 failed/,
    );
    await page.getByRole('link', { name: 'Download the results file' }).waitFor();
    const rows = page.getByRole('table', { name: 'Rows that failed' });
    await eventually(() => rows.locator('tbody tr').count()).toBe(1);
    expect(await rows.locator('tbody tr').innerText()).toMatch(/^4\tx@example.com\tgroup_not_found/);
    await expectAccessible('upload');
    expect(failedAnswers(answers)).toEqual([]);
  }, 180_000);

  it('lists the jobs with their progress', async () => {
    await go('/jobs', 'Jobs');
    await eventually(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible('jobs');
    await page.locator('tbody tr a').first().click();
    await page.getByRole('progressbar', { name: 'Job progress' }).waitFor();
    await expectAccessible('job');
    expect(failedAnswers(answers)).toEqual([]);
  });

  it('shows the group’s history as a timeline', async () => {
    await go(`/groups/${groupUuid}/history`, groupName);
    await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
    await eventually(() => page.locator('.timeline li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.timeline').innerText()).toContain('group created');
    await expectAccessible('history');
    await go('/groups', 'Groups');
    await page.getByRole('link', { name: groupName }).waitFor();
    await expectAccessible('groups');
    expect(failedAnswers(answers)).toEqual([]);
  });

  it('previews a rule as it is edited, saves it, pauses and resumes it, and explains a learner', async () => {
    const learners = [
      ['ann@sales.example.com', 'sales'],
      ['bob@sales.example.com', 'sales'],
      ['cy@ops.example.com', 'ops'],
    ] as const;
    const uuids: string[] = [];
    for (const [email, department] of learners) {
      const learnerUuid = randomUUID();
      uuids.push(learnerUuid);
      answered(
        'put learner',
        await admin.PUT('/api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}', {
          params: { path: { enterprise_uuid: tenant, learner_uuid: learnerUuid } },
          body: { email, attributes: { department } },
        }),
      );
    }
    const automatic = answered(
      'create',
      await admin.POST('/api/v1/enterprise-group', {
        body: {
          name: `Automatic ${tenant.slice(0, 8)}`,
          enterprise_customer_uuid: tenant,
          type: 'automatic',
          ruleset: {
            operator: 'AND',
            sets: [{ rules: [{ type: 'attribute', payload: { field: 'department', op: 'equals', value: 'sales' } }] }],
          },
        },
      }),
    );
    await go(`/groups/${automatic.group_uuid}/rules`, automatic.name);
    const matching = page.getByTestId('preview-matching');
    await eventually(() => matching.innerText()).toBe('2');
    await page.getByLabel('Value', { exact: true }).fill('ops');
    await eventually(() => matching.innerText()).toBe('1');
    await expectAccessible('rules');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByText('Saved: a recalculation has started.').waitFor();
    await page.getByRole('button', { name: 'Pause rule processing' }).click();
    await eventually(() => page.getByTestId('rule-processing').innerText()).toContain('processing paused');
    await page.getByRole('button', { name: 'Resume rule processing' }).click();
    await eventually(() => page.getByTestId('rule-processing').innerText()).toContain('processing on');
    await page.getByLabel('Learner uuid').fill(uuids[2]!);
    await page.getByRole('button', { name: 'Explain' }).click();
    await eventually(() => page.locator('.explain [role=status]').innerText()).toContain('the rules match');
    expect(failedAnswers(answers)).toEqual([]);
  });

  it('shows removals the guard holds on the job page, and approves them', async () => {
    const learners = Array.from({ length: 60 }, (_, i) => ({
      email: `held-${i}-${tenant.slice(0, 8)}@example.com`,
      attributes: { department: 'support' },
    }));
    answered(
      'bulk learners',
      await admin.POST('/api/v1/enterprise-customer/{enterprise_uuid}/learners/bulk', {
        params: { path: { enterprise_uuid: tenant } },
        body: { learners },
      }),
    );
    const rule = (value: string) => ({
      operator: 'AND' as const,
      sets: [
        { rules: [{ type: 'attribute' as const, payload: { field: 'department', op: 'equals' as const, value } }] },
      ],
    });
    const group = answered(
      'create',
      await admin.POST('/api/v1/enterprise-group', {
        body: {
          name: `Guarded ${tenant.slice(0, 8)}`,
          enterprise_customer_uuid: tenant,
          type: 'automatic',
          ruleset: rule('support'),
        },
      }),
    );
    const read = async () =>
      answered(
        'group',
        await admin.GET('/api/v1/enterprise-group/{group_uuid}', {
          params: { path: { group_uuid: group.group_uuid } },
        }),
      );
    const runOf = (g: object) =>
      (g as { rule_processing?: { status: string; job_id: string | null } | null }).rule_processing;
    await eventually(async () => (await read()).member_count, 90_000).toBe(60);
    await eventually(async () => runOf(await read())?.status, 90_000).toBe('succeeded');
    answered(
      'patch',
      await admin.PATCH('/api/v1/enterprise-group/{group_uuid}', {
        params: { path: { group_uuid: group.group_uuid } },
        body: { ruleset: rule('nobody') },
      }),
    );
    await eventually(async () => runOf(await read())?.status, 90_000).toBe('awaiting_approval');
    const jobId = runOf(await read())!.job_id!;

    await go(`/jobs/${jobId}`, /^Job/);
    const held = page.getByRole('region', { name: 'Removals awaiting approval' });
    await held.waitFor();
    expect(await held.innerText()).toContain('would remove 60 of 60 members');
    await expectAccessible('held-removals');
    await page.getByRole('button', { name: 'Approve the removals' }).click();
    // The job's own status line (its counters also say "succeeded", so the line is matched whole).
    await eventually(() => page.getByText(/^Status: /).innerText(), 90_000).toMatch(/^Status: succeeded/);
    expect(await held.count()).toBe(0);
    expect((await read()) as { member_count?: number }).toMatchObject({ member_count: 0 });
    expect(failedAnswers(answers)).toEqual([]);
  });
});
