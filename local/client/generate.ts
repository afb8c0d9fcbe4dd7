/**
 * Generates the typed client's types (`local/client/api.ts`) from the OpenAPI document the API serves,
 * with openapi-typescript. `npm run client:generate` writes the file; a unit test generates it again
 * and compares, so a contract change that is not regenerated fails, and so does a caller the change
 * breaks (the admin CLI and the e2e suite type their calls with it).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import * as prettier from 'prettier';
import { openApiDocument } from '#functions/http/openapi-document';

export const CLIENT_TYPES_FILE = fileURLToPath(new URL('./api.ts', import.meta.url));

const HEADER = `/**
 * The API's paths, operations and schemas as TypeScript types, generated from GET /openapi.json by
 * \`npm run client:generate\` (openapi-typescript). Do not edit: regenerate.
 */
`;

/** The generated types, formatted as the repository formats TypeScript. */
export async function generateClientTypes(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as unknown as OpenAPI3, { alphabetize: false });
  const options = await prettier.resolveConfig(CLIENT_TYPES_FILE);
  return prettier.format(HEADER + astToString(ast), { ...options, parser: 'typescript' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(CLIENT_TYPES_FILE, await generateClientTypes());
  console.log(`wrote ${CLIENT_TYPES_FILE}`);
}
