import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, craftedToken, tokenFor } from './client';

const tenant = randomUUID();
const other = randomUUID();
const listOf = (enterprise: string) => `/api/v1/enterprise-group/?enterprise_uuid=${enterprise}`;

beforeAll(async () => {
  const staff = await tokenFor({ roles: ['staff'] });
  const created = await api('POST', '/api/v1/enterprise-group/', {
    token: staff,
    body: { name: 'Claims', enterprise_customer_uuid: other },
  });
  expect(created.status).toBe(201);
});

/** The security review's role escalations: each value once read as staff through the flattened claim. */
describe('role and tenant claims of crafted shapes', () => {
  it.each([
    ['one element holding two roles', { roles: ['learner staff'], enterprise_uuids: [tenant] }],
    ['a comma-separated string', { roles: 'learner,staff', enterprise_uuids: [tenant] }],
    ['the legacy role claim', { roles: undefined, role: 'staff', enterprise_uuids: [tenant] }],
    ['a role with a bracket', { roles: ['staff]'], enterprise_uuids: [tenant] }],
  ])('grants no staff access to %s', async (_, claims) => {
    const res = await api('GET', listOf(other), { token: await craftedToken(claims) });
    expect(res.status).toBe(403);
  });

  it('grants no tenant through an element holding two uuids', async () => {
    const token = await craftedToken({ roles: ['enterprise_admin'], enterprise_uuids: [`${tenant} ${other}`] });
    expect((await api('GET', listOf(other), { token })).status).toBe(403);
    expect((await api('GET', listOf(tenant), { token })).status).toBe(403);
  });

  it('refuses a roles claim that is not a list of strings', async () => {
    const res = await api('GET', listOf(other), { token: await craftedToken({ roles: { staff: true } }) });
    expect(res.status).toBe(401);
  });

  it('still lets the plain forms through', async () => {
    const admin = await craftedToken({ roles: 'enterprise_admin', enterprise_uuids: [other] });
    expect((await api('GET', listOf(other), { token: admin })).status).toBe(200);
    const staff = await craftedToken({ roles: ['learner', 'staff'] });
    expect((await api('GET', listOf(other), { token: staff })).status).toBe(200);
  });
});
