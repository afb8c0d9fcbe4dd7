import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * `npm test` runs the projects in two passes: unit, integration and infra first, then the suites that
 * start local stacks (e2e, e2e-stream, browser), so the stacks' Java and pollers do not share the two
 * cores with the integration suites' DynamoDB Local. Every project must be in one of the passes.
 */
describe('npm test', () => {
  it('runs every vitest project, each exactly once', () => {
    const read = (file: string) => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
    const script: string = JSON.parse(read('package.json')).scripts.test;
    const named = [...script.matchAll(/--project (\S+)/g)].map((m) => m[1]);
    const projects = [...read('vitest.config.ts').matchAll(/name: '([\w-]+)'/g)].map((m) => m[1]);
    expect(projects.length).toBeGreaterThan(0);
    expect([...named].sort()).toEqual([...projects].sort());
  });
});
