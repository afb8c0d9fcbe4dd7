import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#functions/http/openapi-document';

const root = fileURLToPath(new URL('../..', import.meta.url));
const REDOCLY = join(root, 'node_modules/@redocly/cli/bin/cli.js');

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

describe('the OpenAPI document', () => {
  it('passes redocly lint with the recommended rules (redocly.yaml): no error, no warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
      const run = spawnSync(
        process.execPath,
        [REDOCLY, 'lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'json'],
        { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
      );
      const report = JSON.parse(run.stdout) as { problems: Problem[] };
      const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
      expect(problems).toEqual([]);
      expect(run.status, run.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('declares 4XX answers on every operation that takes a token (operation-4xx-response is off for the two public reads)', () => {
    const missing = Object.entries(openApiDocument().paths).flatMap(([path, operations]) =>
      Object.entries(operations as Record<string, { security: unknown[]; responses: Record<string, unknown> }>)
        .filter(([, op]) => op.security.length > 0 && !Object.keys(op.responses).some((s) => /^4/.test(s)))
        .map(([method]) => `${method} ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it('declares a body schema on every answer that has a body (all but 204 and 304)', () => {
    const bare = Object.entries(openApiDocument().paths).flatMap(([path, operations]) =>
      Object.entries(operations as Record<string, { responses: Record<string, { content?: object }> }>).flatMap(
        ([method, op]) =>
          Object.entries(op.responses)
            .filter(([status, r]) => !['204', '304'].includes(status) && !r.content)
            .map(([status]) => `${method} ${path} ${status}`),
      ),
    );
    expect(bare).toEqual([]);
  });
});
