import * as z from 'zod';
import type { RouteContract } from '#shared/http/http-handler';

/** GET /health's answer: `local` names the emulators of the local stack. */
const HealthAnswer = z.looseObject({ status: z.literal('ok'), local: z.looseObject({}).optional() });

/** The unauthenticated platform routes (not built by httpHandler): for the document only. */
export const platformContract = {
  Health: {
    summary: 'Liveness (and, locally, where the emulators are)',
    success: { status: 200, description: '{status: "ok"}, with `local` on the local stack', body: HealthAnswer },
  },
  OpenApi: {
    summary: 'This document',
    success: {
      status: 200,
      description: 'the OpenAPI 3.1 document',
      body: z.looseObject({ openapi: z.string(), paths: z.looseObject({}) }),
    },
  },
} satisfies Record<string, RouteContract>;
