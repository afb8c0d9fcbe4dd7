import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, DEFAULT_ROUTE, httpFunctions, routeKeyOf, scheduleFunctions } from '#functions/catalog';
import { type ScheduleName, schedules } from '#functions/resources';
import { defaultIntervals } from '#local/schedule-interval';
import { localTimers } from '#local/scheduler';
import { contract } from '#functions/http/contract';
import { repoRoot } from '#infra/repo-root';
import { createRouteTable } from '#functions/http/route-table';
import { synthesizeApp } from '#test/infra/synthesize';
import { StackTemplate } from '#test/infra/template-queries';

const routeKey = (f: (typeof httpFunctions)[number]) => routeKeyOf(f.trigger);
const template = new StackTemplate(synthesizeApp().service);
const cloudRoutes = Object.values(template.resources('AWS::ApiGatewayV2::Route')).map((r) =>
  String(r.Properties.RouteKey),
);
const localRoute = createRouteTable(httpFunctions);
/** A concrete request path for a route template: every `{param}` filled in. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, (_, i) => `v${i}`);

describe('one source of truth for wiring', () => {
  it('gives the cloud exactly the catalog routes', () => {
    expect([...cloudRoutes].sort()).toEqual(httpFunctions.map(routeKey).sort());
  });

  it('routes every cloud route locally to the same function, and nothing else', () => {
    for (const key of cloudRoutes.filter((k) => k !== DEFAULT_ROUTE)) {
      const [method, path] = key.split(' ') as [string, string];
      const match = localRoute(method, concrete(path));
      expect(match, key).toMatchObject({ kind: 'found', routeKey: key });
    }
    expect(localRoute('GET', '/api/v1/not-a-route')).toMatchObject({ kind: 'not_found' });
  });

  it('gives the cloud and the local scheduler the same scheduled functions, on the same schedules', () => {
    const functionIds = new Map(catalog.map((f) => [template.function(f.name)[0], f.name]));
    const scheduleIds = new Map(Object.entries(schedules).map(([name, s]) => [s.id, name as ScheduleName]));
    const cloud = Object.values(template.resources('AWS::Events::Rule'))
      .filter((rule) => rule.Properties.ScheduleExpression)
      .flatMap((rule) =>
        (rule.Properties.Targets as { Arn: { 'Fn::GetAtt': [string, string] } }[]).map((target) => {
          const path = String(rule.Metadata?.['aws:cdk:path']);
          const schedule = scheduleIds.get(path.split('/').at(-2)!);
          return `${functionIds.get(target.Arn['Fn::GetAtt'][0])} on ${schedule}`;
        }),
      );
    const local = localTimers(defaultIntervals()).map((t) => `${t.name} on ${t.schedule}`);
    const declared = scheduleFunctions.map((f) => `${f.name} on ${f.trigger.schedule}`);
    expect(declared.length).toBeGreaterThan(0);
    expect(cloud.sort()).toEqual(declared.sort());
    expect(local.sort()).toEqual(declared.sort());
  });

  it('has an entry file for every function and a request contract for every API route', () => {
    for (const fn of catalog) expect(existsSync(join(repoRoot, fn.entry)), fn.entry).toBe(true);
    const open = httpFunctions.filter((f) => f.trigger.auth === 'none').map((f) => f.name);
    expect(Object.keys(contract).sort()).toEqual(
      httpFunctions
        .map((f) => f.name)
        .filter((n) => !open.includes(n))
        .sort(),
    );
  });
});
