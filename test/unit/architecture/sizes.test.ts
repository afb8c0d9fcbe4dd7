import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionSizes, lineCount, longRepositoryMethods, sourceFiles } from './code-sizes';

/**
 * The sizes the code keeps so each part reads at once: no repository method over about 40 lines (a
 * longer one builds its item or expression in place of a pure builder), no module of shared/ or
 * functions/ over about 300 lines but the tables, which are long because they list.
 */
const root = resolve(import.meta.dirname, '../../..');
const METHOD_LIMIT = 40;
const FILE_LIMIT = 300;
const TABLES = ['functions/catalog.ts', 'shared/db/keys.ts'];

describe('code sizes', () => {
  it('has no repository method over the limit', () => {
    expect(longRepositoryMethods(root, METHOD_LIMIT)).toEqual([]);
  });

  it('has no module of shared/ or functions/ over the limit but the tables', () => {
    const long = ['shared', 'functions']
      .flatMap((dir) => sourceFiles(root, dir))
      .filter((file) => !TABLES.includes(file) && lineCount(root, file) > FILE_LIMIT);
    expect(long).toEqual([]);
  });

  it("measures a repository's methods, not its factory, with their callbacks", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sizes-'));
    mkdirSync(join(dir, 'shared/x'), { recursive: true });
    const body = Array.from({ length: 40 }, (_, i) => `      const v${i} = [${i}].map((n) => n);`).join('\n');
    writeFileSync(
      join(dir, 'shared/x/x-repository.ts'),
      `export function makeXRepository() {\n  return {\n    async long() {\n${body}\n    },\n    short: () => 1,\n  };\n}\n`,
    );
    try {
      expect(functionSizes(dir, 'shared/x/x-repository.ts').map(({ name, lines }) => [name, lines])).toEqual([
        ['long', 42],
        ['short', 1],
      ]);
      expect(longRepositoryMethods(dir, METHOD_LIMIT)).toEqual([
        { file: 'shared/x/x-repository.ts', name: 'long', lines: 42 },
      ]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
