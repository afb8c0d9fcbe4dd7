import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { openApiDocument } from '#functions/http/openapi-document';

/** Where the generated types are kept (in the repository: a contract change shows in its diff). */
export const CLIENT_TYPES_FILE = fileURLToPath(new URL('./openapi-types.ts', import.meta.url));

/**
 * The TypeScript types of the OpenAPI document (openapi-typescript), formatted as the repository is:
 * what `npm run client:generate` writes, and what the unit test compares the kept file with.
 */
export async function generateClientTypes(): Promise<string> {
  const document = JSON.parse(JSON.stringify(openApiDocument()));
  const types = astToString(await openapiTS(document, { alphabetize: true }));
  const header = '// Generated from GET /openapi.json by `npm run client:generate`; do not edit.\n\n';
  const options = (await resolveConfig(CLIENT_TYPES_FILE)) ?? {};
  return format(header + types, { ...options, filepath: CLIENT_TYPES_FILE });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(CLIENT_TYPES_FILE, await generateClientTypes());
  console.log(`wrote ${CLIENT_TYPES_FILE}`);
}
