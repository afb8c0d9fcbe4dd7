import * as z from 'zod';
import { apiUrl, isoTime } from '#shared/http/response-schemas';
import { CHANGE_EVENT_TYPES } from './change-event';

const image = z.record(z.string(), z.unknown()).nullable();

/** One change event (change-event.ts). */
export const ChangeEventAnswer = z
  .looseObject({
    id: z.string(),
    type: z.enum(CHANGE_EVENT_TYPES),
    occurred_at: isoTime,
    enterprise_customer_uuid: z.uuid(),
    group_uuid: z.uuid().nullable(),
    course_id: z.string().nullable(),
    sequence: z.int().min(1),
    data: z.looseObject({ before: image, after: image }),
  })
  .meta({
    examples: [
      {
        id: 'evt_3mJr0Qe1hGx6yQw0m2vV9cS7bW1dE5fA',
        type: 'membership.added',
        occurred_at: '2026-11-30T09:15:00.000Z',
        enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
        group_uuid: '0b7e9c1d-3f2a-4c5b-8d6e-7f8091a2b3c4',
        course_id: null,
        sequence: 42,
        data: {
          before: null,
          after: {
            enterprise_group_membership_uuid: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
            group_uuid: '0b7e9c1d-3f2a-4c5b-8d6e-7f8091a2b3c4',
            enterprise_customer_uuid: '4f6a1c9e-2a44-4a3b-9b7e-0c3f5e1d2a10',
            learner_uuid: '5c2d8e4f-1a3b-4c6d-9e7f-0a1b2c3d4e5f',
            pending_learner_email: null,
            status: 'active',
            source: 'manual',
          },
        },
      },
    ],
  });

/** A page of the feed: the events, and `after`, the cursor to resume from (now or later). */
export const EventFeedAnswer = z
  .looseObject({
    count: z.int().min(0),
    next: apiUrl.nullable(),
    previous: z.null(),
    after: z.string().nullable(),
    results: z.array(ChangeEventAnswer),
  })
  .meta({
    examples: [
      {
        count: 0,
        next: null,
        previous: null,
        after: 'eyJ0IjoiMjAyNi0xMS0zMFQwOToxNTowMC4wMDBaIiwiaSI6ImV2dF8zbUpyMFFlMWhHeDZ5UXcwbTJ2VjljUzdiVzFkRTVmQSJ9',
        results: [],
      },
    ],
  });
