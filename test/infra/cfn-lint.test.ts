import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { synthesizeApp } from '#test/infra/synthesize';

/**
 * cfn-lint checks the templates against CloudFormation's own resource schemas (property names and
 * types, allowed values, references): what a deployment would refuse, found with no account.
 */
const CFN_LINT = process.env.CFN_LINT ?? 'cfn-lint';
const installed = spawnSync(CFN_LINT, ['--version'], { encoding: 'utf8' }).status === 0;
// These machines have it (pip, under pyenv; .ci/run puts its shims on the PATH and prints its version).
// Debian packages no cfn-lint and CI reaches no PyPI, so a machine without it skips this, visibly.

interface Finding {
  Level: 'Error' | 'Warning' | 'Informational';
  Rule: { Id: string };
  Message: string;
  Filename: string;
  Location: { Path?: (string | number)[] };
}

describe.skipIf(!installed)('cfn-lint', () => {
  it('finds no error in the synthesized templates', () => {
    const { app } = synthesizeApp();
    try {
      const templates = readdirSync(app.outdir).filter((name) => name.endsWith('.template.json'));
      expect(templates.sort()).toEqual([
        'LmsGroupsConsole.template.json',
        'LmsGroupsData.template.json',
        'LmsGroupsService.template.json',
      ]);
      const run = spawnSync(CFN_LINT, ['--format', 'json', '--', ...templates], {
        cwd: app.outdir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      // Exit status is a bit mask: 2 errors, 4 warnings, 8 informational; 1 is cfn-lint failing.
      expect(run.status === null || (run.status & 1) === 1, run.stderr).toBe(false);
      const findings = JSON.parse(run.stdout) as Finding[];
      const errors = findings
        .filter((finding) => finding.Level === 'Error')
        .map((f) => `${f.Filename} ${f.Rule.Id} ${(f.Location.Path ?? []).join('/')}: ${f.Message}`);
      expect(errors).toEqual([]);
      expect(run.status! & 2).toBe(0);
    } finally {
      rmSync(app.outdir, { recursive: true, force: true });
    }
  }, 300_000);
});
