import { fileURLToPath } from 'node:url';

/** The repository root: catalog entries are relative to it. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Local state that must survive restarts (keys, persisted DynamoDB data); git-ignored. */
export const localStateDir = fileURLToPath(new URL('../.local', import.meta.url));
export const defaultKeysDir = fileURLToPath(new URL('../.local/keys', import.meta.url));
export const persistedDynamoDir = fileURLToPath(new URL('../.local/dynamodb', import.meta.url));
