/** Field schemas the entities' item schemas share. */
import type * as z from 'zod';

/** A field an item may lack (one stored before the field existed) or hold as NULL: it reads as null. */
export const optional = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);
