import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.local/', 'coverage/', 'console/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../*'], message: 'Import through #shared/*, #functions/*, … instead.' }] },
      ],
      // esbuild cannot tree-shake zod's `z` binding: it bundles all of zod, every locale included
      // (~450 KB per Lambda). The namespace import shakes down to what is used (~85 KB).
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='zod'][importKind!='type'] > :matches(ImportSpecifier[imported.name='z'][importKind!='type'], ImportDefaultSpecifier)",
          message: "Use `import * as z from 'zod'`: the `z` binding defeats tree-shaking.",
        },
      ],
    },
  },
  {
    // shared/ is the domain: it never reaches into the doorways, the infrastructure or the local stack.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['#functions/*', '#infra/*', '#local/*', '#test/*', '../../*'],
              message: 'shared/ depends on nothing outside shared/.',
            },
          ],
        },
      ],
    },
  },
);
