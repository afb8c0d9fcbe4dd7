import * as z from 'zod';

/**
 * A JSON number DynamoDB can store: zero, or a magnitude from 1e-130 to below 1e126. Outside that
 * range the SDK cannot marshal it (`1e300` was a 500), so input schemas refuse it up front.
 */
export const storableNumber = z
  .number()
  .refine(
    (n) => n === 0 || (Math.abs(n) >= 1e-130 && Math.abs(n) < 1e126),
    'out of the storable range (1e-130 to 1e126)',
  );
