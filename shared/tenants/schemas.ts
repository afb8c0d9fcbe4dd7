import * as z from 'zod';
import { RemovalGuardBody } from '#shared/groups/schemas';

/** A tenant's settings as an admin puts them: every field, since PUT replaces them. */
export const PutTenantSettingsBody = z.strictObject({
  /** The removal guard of groups created from now on without their own; null: new groups have none. */
  removal_guard: RemovalGuardBody,
});
