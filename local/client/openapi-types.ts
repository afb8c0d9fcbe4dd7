// Generated from GET /openapi.json by `npm run client:generate`; do not edit.

export interface paths {
  '/api/bulk_enroll/v1/bulk_enroll': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enroll or unenroll identifiers in courses (Open edX bulk_enroll; staff only, throttled; over 1000 identifier×course pairs → 202 with a job) */
    post: operations['BulkEnroll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/batches/{batch_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a batch with its participant_count */
    get: operations['GetBatch'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/batches/{batch_id}/participants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a batch's participants */
    get: operations['ListBatchParticipants'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/batches/{batch_id}/participants/add': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add participants to a batch (over 1000: 202 with a job) */
    post: operations['AddBatchParticipants'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/batches/{batch_id}/participants/remove': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Remove participants from a batch, completed learners stay (over 1000: 202 with a job) */
    post: operations['RemoveBatchParticipants'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/courses/{course_id}/batches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a batch of a course */
    post: operations['CreateBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/courses/{course_id}/enrollments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a course's enrollments in a tenant (staff may omit enterprise_customer_uuid to list every tenant's) */
    get: operations['ListCourseEnrollments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/courses/{course_id}/enrollments/{learner_uuid}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Record that an enrolled learner completed a course */
    patch: operations['UpdateEnrollment'];
    trace?: never;
  };
  '/api/v1/courses/{course_id}/enrollments/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the audit trail of a course's enrollments in a tenant */
    get: operations['ListEnrollmentAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/branches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a tenant's branches */
    get: operations['ListBranches'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/branches/{branch_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Create, rename or move a branch of a tenant's org tree */
    put: operations['PutBranch'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A tenant's change events in order, after a cursor: the catch-up feed (all groups by recording time, or one group by sequence) */
    get: operations['ListEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Request the upload of one CSV into a tenant's imports (its admins and staff): a presigned PUT, valid 15 minutes, bound to the tenant, kind and a key of its own; the import acts as the caller */
    post: operations['CreateImportUpload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/learners': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a tenant's learners (search = e-mail prefix) */
    get: operations['ListLearners'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a learner with its groups */
    get: operations['GetLearner'];
    /** Create or replace a learner */
    put: operations['PutLearner'];
    post?: never;
    /** Delete a learner and its memberships */
    delete: operations['DeleteLearner'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}/enrollments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a learner's enrollments */
    get: operations['ListLearnerEnrollments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/learners/{learner_uuid}/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A learner's groups, now or as they stood at as_of */
    get: operations['ListLearnerGroups'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/learners/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create or update learners: up to 1000 at once, more as a 202 job */
    post: operations['BulkUpsertLearners'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a tenant's settings: the removal guard its new groups get */
    get: operations['GetTenantSettings'];
    /** Replace a tenant's settings; existing groups keep their own removal guard */
    put: operations['PutTenantSettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The tenant's webhook subscriptions */
    get: operations['ListWebhooks'];
    put?: never;
    /** Subscribe an endpoint to the tenant's change events (Standard Webhooks signatures) */
    post: operations['CreateWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/webhooks/{webhook_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A webhook subscription: `status` is `failing` after a delivery was dead-lettered */
    get: operations['GetWebhook'];
    put?: never;
    post?: never;
    /** Delete a subscription; its queued deliveries are dropped */
    delete: operations['DeleteWebhook'];
    options?: never;
    head?: never;
    /** Change a subscription's url, event_types or enabled */
    patch: operations['UpdateWebhook'];
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/webhooks/{webhook_id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A subscription's delivery log, newest first */
    get: operations['ListWebhookDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deliver a logged event again (out of its stream order), with a new day of retries */
    post: operations['RedeliverWebhookEvent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-customer/{enterprise_uuid}/webhooks/{webhook_id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A new signing secret; the previous one keeps signing beside it for 24 hours */
    post: operations['RotateWebhookSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-group': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List groups of a tenant or of a learner */
    get: operations['ListGroups'];
    put?: never;
    /** Create a group (at most 150000 bytes serialized, else 400 naming its largest field) */
    post: operations['CreateGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-group/{group_uuid}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a group */
    get: operations['GetGroup'];
    put?: never;
    post?: never;
    /** Delete a group and its memberships (If-Match optional) */
    delete: operations['DeleteGroup'];
    options?: never;
    head?: never;
    /** Update a group (If-Match: "<version>", a list of versions or * guards against lost updates; the result at most 150000 bytes serialized) */
    patch: operations['UpdateGroup'];
    trace?: never;
  };
  '/api/v1/enterprise-group/{group_uuid}/assign_learners': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add learners (by uuid, branch or group copy) or e-mails (pending) to a group, with home_group/permissions */
    post: operations['AssignLearners'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-group/{group_uuid}/conditions-history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version of an automatic group's ruleset, newest first, with who and when */
    get: operations['ListConditionsHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-group/{group_uuid}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members as CSV (formula-safe); over 10000 members: 202 with a job whose results file is the CSV */
    get: operations['ExportGroupMembers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-group/{group_uuid}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A group's audit trail (group and membership changes), newest first; kept after the group is deleted */
    get: operations['ListGroupHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-group/{group_uuid}/learners': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a group's members with their details (search = e-mail or name prefix) */
    get: operations['ListGroupLearners'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-group/{group_uuid}/learners/{learner_uuid}/explain': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why a learner is (not) a member of an automatic group: membership, ruleset version, each rule's result */
    get: operations['ExplainMembership'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-group/{group_uuid}/recalculate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Recalculate an automatic group from scratch (a job: mark-and-sweep by generation) */
    post: operations['RecalculateGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-group/{group_uuid}/remove_learners': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Remove members from a group (by uuid or e-mail, or remove_all) */
    post: operations['RemoveLearners'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-group/legacy/{legacy_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find a group by its legacy numeric id */
    get: operations['GetGroupByLegacyId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/enterprise-group/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dry run of a ruleset over a tenant (optionally against a group): counts and samples; writes nothing */
    post: operations['PreviewRuleset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a tenant's jobs, newest first (source_key = an S3 key or api:<operation>:<id>) */
    get: operations['ListJobs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs/{job_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a job: status, counters, progress, results links */
    get: operations['GetJob'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs/{job_id}/abort': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop a job; chunks not yet applied are skipped */
    post: operations['AbortJob'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs/{job_id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve the removals a group's removal guard held: the job goes on and removes the members that no longer match when it runs */
    post: operations['ApproveJob'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs/{job_id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel the removals a group's removal guard held: the job ends cancelled, nobody removed */
    post: operations['CancelJob'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs/{job_id}/results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A job's per-row results in row order, optionally of one outcome */
    get: operations['ListJobResults'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs/{job_id}/revert': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Undo what an ended job changed: a new job (kind revert, reverts: <job_id>) removes the members it added, revives those it removed with their permissions and home group, puts each enrollment it wrote back to its state before, and skips as changed_since every membership or enrollment written since */
    post: operations['RevertJob'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness (and, locally, where the emulators are) */
    get: operations['Health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This document */
    get: operations['OpenApi'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @description Every error answer (docs/errors.md): a stable code, a message, and the problems of the input.
     * @example {
     *       "code": "validation_error",
     *       "message": "The request is not valid",
     *       "details": [
     *         {
     *           "path": "body.learner_uuids.3",
     *           "message": "Invalid UUID"
     *         }
     *       ]
     *     }
     */
    Error: {
      code: string;
      details?: {
        message: string;
        path: string;
      }[];
      message: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: {
    /** @description true: this is the stored answer of an earlier request with the same Idempotency-Key */
    'idempotent-replayed': 'true';
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  BulkEnroll: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          action: 'enroll' | 'unenroll';
          auto_enroll?:
            | boolean
            | 1
            | 0
            | (
                | '0'
                | '1'
                | 't'
                | 'T'
                | 'y'
                | 'Y'
                | 'yes'
                | 'Yes'
                | 'YES'
                | 'true'
                | 'True'
                | 'TRUE'
                | 'on'
                | 'On'
                | 'ON'
                | 'f'
                | 'F'
                | 'n'
                | 'N'
                | 'no'
                | 'No'
                | 'NO'
                | 'false'
                | 'False'
                | 'FALSE'
                | 'off'
                | 'Off'
                | 'OFF'
              );
          cohorts?: string | string[];
          courses: string | string[];
          email_students?:
            | boolean
            | 1
            | 0
            | (
                | '0'
                | '1'
                | 't'
                | 'T'
                | 'y'
                | 'Y'
                | 'yes'
                | 'Yes'
                | 'YES'
                | 'true'
                | 'True'
                | 'TRUE'
                | 'on'
                | 'On'
                | 'ON'
                | 'f'
                | 'F'
                | 'n'
                | 'N'
                | 'no'
                | 'No'
                | 'NO'
                | 'false'
                | 'False'
                | 'FALSE'
                | 'off'
                | 'Off'
                | 'OFF'
              );
          /** Format: uuid */
          enterprise_customer_uuid: string;
          identifiers: string | string[];
        };
        'application/x-www-form-urlencoded': {
          /** @enum {string} */
          action: 'enroll' | 'unenroll';
          auto_enroll?:
            | boolean
            | 1
            | 0
            | (
                | '0'
                | '1'
                | 't'
                | 'T'
                | 'y'
                | 'Y'
                | 'yes'
                | 'Yes'
                | 'YES'
                | 'true'
                | 'True'
                | 'TRUE'
                | 'on'
                | 'On'
                | 'ON'
                | 'f'
                | 'F'
                | 'n'
                | 'N'
                | 'no'
                | 'No'
                | 'NO'
                | 'false'
                | 'False'
                | 'FALSE'
                | 'off'
                | 'Off'
                | 'OFF'
              );
          cohorts?: string | string[];
          courses: string | string[];
          email_students?:
            | boolean
            | 1
            | 0
            | (
                | '0'
                | '1'
                | 't'
                | 'T'
                | 'y'
                | 'Y'
                | 'yes'
                | 'Yes'
                | 'YES'
                | 'true'
                | 'True'
                | 'TRUE'
                | 'on'
                | 'On'
                | 'ON'
                | 'f'
                | 'F'
                | 'n'
                | 'N'
                | 'no'
                | 'No'
                | 'NO'
                | 'false'
                | 'False'
                | 'FALSE'
                | 'off'
                | 'Off'
                | 'OFF'
              );
          /** Format: uuid */
          enterprise_customer_uuid: string;
          identifiers: string | string[];
        };
        'multipart/form-data': {
          /** @enum {string} */
          action: 'enroll' | 'unenroll';
          auto_enroll?:
            | boolean
            | 1
            | 0
            | (
                | '0'
                | '1'
                | 't'
                | 'T'
                | 'y'
                | 'Y'
                | 'yes'
                | 'Yes'
                | 'YES'
                | 'true'
                | 'True'
                | 'TRUE'
                | 'on'
                | 'On'
                | 'ON'
                | 'f'
                | 'F'
                | 'n'
                | 'N'
                | 'no'
                | 'No'
                | 'NO'
                | 'false'
                | 'False'
                | 'FALSE'
                | 'off'
                | 'Off'
                | 'OFF'
              );
          cohorts?: string | string[];
          courses: string | string[];
          email_students?:
            | boolean
            | 1
            | 0
            | (
                | '0'
                | '1'
                | 't'
                | 'T'
                | 'y'
                | 'Y'
                | 'yes'
                | 'Yes'
                | 'YES'
                | 'true'
                | 'True'
                | 'TRUE'
                | 'on'
                | 'On'
                | 'ON'
                | 'f'
                | 'F'
                | 'n'
                | 'N'
                | 'no'
                | 'No'
                | 'NO'
                | 'false'
                | 'False'
                | 'FALSE'
                | 'off'
                | 'Off'
                | 'OFF'
              );
          /** Format: uuid */
          enterprise_customer_uuid: string;
          identifiers: string | string[];
        };
      };
    };
    responses: {
      /** @description per course, per identifier: before and after */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            action: 'enroll' | 'unenroll';
            auto_enroll: boolean;
            courses: {
              [key: string]: {
                /** @enum {string} */
                action: 'enroll' | 'unenroll';
                auto_enroll: boolean;
                results: ({
                  after?: {
                    allowed: boolean;
                    auto_enroll: boolean;
                    cohort?: string | null;
                    enrollment: boolean;
                    user: boolean;
                  } & {
                    [key: string]: unknown;
                  };
                  before?: {
                    allowed: boolean;
                    auto_enroll: boolean;
                    cohort?: string | null;
                    enrollment: boolean;
                    user: boolean;
                  } & {
                    [key: string]: unknown;
                  };
                  error?: boolean;
                  identifier: string;
                  invalidIdentifier?: boolean;
                  message?: string;
                } & {
                  [key: string]: unknown;
                })[];
              } & {
                [key: string]: unknown;
              };
            };
            email_students: boolean;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            job_id: string;
            /** @enum {string} */
            status:
              | 'queued'
              | 'running'
              | 'awaiting_approval'
              | 'succeeded'
              | 'completed_with_errors'
              | 'failed'
              | 'aborted'
              | 'cancelled';
            /** Format: uri */
            status_url: string;
            total: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description rate limited: retry after Retry-After seconds */
      429: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        batch_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the batch */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            batch_id: string;
            course_id: string;
            /** Format: date-time */
            created: string;
            created_by: string;
            /** @enum {string} */
            enrollment_type: 'open' | 'invite_only';
            /** Format: uuid */
            enterprise_customer_uuid: string;
            /** Format: date-time */
            modified: string;
            name: string;
            participant_count: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListBatchParticipants: {
    parameters: {
      query?: {
        cursor?: string;
        page_size?: number;
        status?: 'enrolled' | 'completed' | 'unenrolled';
      };
      header?: never;
      path: {
        batch_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of enrollments */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: ({
              auto_enroll: boolean;
              batch_id: string | null;
              cohort: string | null;
              completed_at: string | null;
              course_id: string;
              /** Format: date-time */
              created: string;
              /** Format: uuid */
              enterprise_customer_uuid: string;
              learner_uuid: string | null;
              /** Format: date-time */
              modified: string;
              pending_email: string | null;
              /** @enum {string} */
              status: 'enrolled' | 'unenrolled' | 'allowed' | 'completed';
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  AddBatchParticipants: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        batch_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          identifier_type: 'user_id' | 'state_id' | 'email' | 'employee_id';
          identifiers: string[];
        };
      };
    };
    responses: {
      /** @description an outcome per identifier; nothing was added */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            errors: ({
              identifier: string;
              /** Format: uuid */
              learner_uuid?: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
            results: ({
              identifier: string;
              /** Format: uuid */
              learner_uuid?: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
            skipped: ({
              identifier: string;
              /** Format: uuid */
              learner_uuid?: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description an outcome per identifier; Location is the batch's participants listing */
      201: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            errors: ({
              identifier: string;
              /** Format: uuid */
              learner_uuid?: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
            results: ({
              identifier: string;
              /** Format: uuid */
              learner_uuid?: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
            skipped: ({
              identifier: string;
              /** Format: uuid */
              learner_uuid?: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            job_id: string;
            /** @enum {string} */
            status:
              | 'queued'
              | 'running'
              | 'awaiting_approval'
              | 'succeeded'
              | 'completed_with_errors'
              | 'failed'
              | 'aborted'
              | 'cancelled';
            /** Format: uri */
            status_url: string;
            total: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RemoveBatchParticipants: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        batch_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          identifier_type: 'user_id' | 'state_id' | 'email' | 'employee_id';
          identifiers: string[];
        };
      };
    };
    responses: {
      /** @description an outcome per identifier */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            errors: ({
              identifier: string;
              /** Format: uuid */
              learner_uuid?: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
            results: ({
              identifier: string;
              /** Format: uuid */
              learner_uuid?: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
            skipped: ({
              identifier: string;
              /** Format: uuid */
              learner_uuid?: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            job_id: string;
            /** @enum {string} */
            status:
              | 'queued'
              | 'running'
              | 'awaiting_approval'
              | 'succeeded'
              | 'completed_with_errors'
              | 'failed'
              | 'aborted'
              | 'cancelled';
            /** Format: uri */
            status_url: string;
            total: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  CreateBatch: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        course_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          enrollment_type: 'open' | 'invite_only';
          /** Format: uuid */
          enterprise_customer_uuid: string;
          name: string;
        };
      };
    };
    responses: {
      /** @description the batch, with its batch_id; Location is its URL */
      201: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            batch_id: string;
            course_id: string;
            /** Format: date-time */
            created: string;
            created_by: string;
            /** @enum {string} */
            enrollment_type: 'open' | 'invite_only';
            /** Format: uuid */
            enterprise_customer_uuid: string;
            /** Format: date-time */
            modified: string;
            name: string;
            participant_count: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListCourseEnrollments: {
    parameters: {
      query?: {
        batch_id?: string;
        cursor?: string;
        enterprise_customer_uuid?: string;
        page_size?: number;
        status?: 'enrolled' | 'unenrolled' | 'allowed' | 'completed';
      };
      header?: never;
      path: {
        course_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of enrollments */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: ({
              auto_enroll: boolean;
              batch_id: string | null;
              cohort: string | null;
              completed_at: string | null;
              course_id: string;
              /** Format: date-time */
              created: string;
              /** Format: uuid */
              enterprise_customer_uuid: string;
              learner_uuid: string | null;
              /** Format: date-time */
              modified: string;
              pending_email: string | null;
              /** @enum {string} */
              status: 'enrolled' | 'unenrolled' | 'allowed' | 'completed';
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  UpdateEnrollment: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        course_id: string;
        learner_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: date-time */
          completed_at?: string;
          /** Format: uuid */
          enterprise_customer_uuid: string;
          /** @constant */
          status: 'completed';
        };
      };
    };
    responses: {
      /** @description the enrollment */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            auto_enroll: boolean;
            batch_id: string | null;
            cohort: string | null;
            completed_at: string | null;
            course_id: string;
            /** Format: date-time */
            created: string;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            learner_uuid: string | null;
            /** Format: date-time */
            modified: string;
            pending_email: string | null;
            /** @enum {string} */
            status: 'enrolled' | 'unenrolled' | 'allowed' | 'completed';
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListEnrollmentAudit: {
    parameters: {
      query: {
        cursor?: string;
        enterprise_customer_uuid: string;
        learner_uuid?: string;
        page_size?: number;
      };
      header?: never;
      path: {
        course_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of audit entries, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: ({
              actor: string;
              /** Format: date-time */
              at: string;
              batch_id: string | null;
              cohort: string | null;
              course_id: string;
              /** @enum {string} */
              from_status: 'enrolled' | 'unenrolled' | 'allowed' | 'completed';
              learner_uuid: string | null;
              op_id: string;
              pending_email: string | null;
              reason: string;
              /** @enum {string} */
              to_status: 'enrolled' | 'unenrolled' | 'allowed' | 'completed';
              transition: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListBranches: {
    parameters: {
      query?: {
        cursor?: string;
        page_size?: number;
      };
      header?: never;
      path: {
        enterprise_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of branches */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: ({
              branch_id: string;
              /** Format: date-time */
              created: string;
              /** Format: uuid */
              enterprise_customer_uuid: string;
              /** Format: date-time */
              modified: string;
              name: string;
              parent_id: string | null;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PutBranch: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        branch_id: string;
        enterprise_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          parent_id?: string | null;
        };
      };
    };
    responses: {
      /** @description the branch (201 when created), with `recalculations`: the automatic groups whose branch rules the move changed and the job recalculating each */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            branch_id: string;
            /** Format: date-time */
            created: string;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            /** Format: date-time */
            modified: string;
            name: string;
            parent_id: string | null;
            recalculations: ({
              /** Format: uuid */
              group_uuid: string;
              /** Format: uuid */
              job_id: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description the branch, created; Location is its URL */
      201: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            branch_id: string;
            /** Format: date-time */
            created: string;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            /** Format: date-time */
            modified: string;
            name: string;
            parent_id: string | null;
            recalculations: ({
              /** Format: uuid */
              group_uuid: string;
              /** Format: uuid */
              job_id: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListEvents: {
    parameters: {
      query?: {
        after?: string;
        group_uuid?: string;
        page_size?: number;
        type?:
          | 'membership.added'
          | 'membership.activated'
          | 'membership.removed'
          | 'membership.revived'
          | 'membership.updated'
          | 'enrollment.enrolled'
          | 'enrollment.unenrolled'
          | 'enrollment.allowed'
          | 'enrollment.completed'
          | 'enrollment.updated'
          | 'enrollment.deleted'
          | 'group.created'
          | 'group.updated'
          | 'group.deleted'
          | 'group.ruleset_changed'
          | 'membership.*'
          | 'enrollment.*'
          | 'group.*';
      };
      header?: never;
      path: {
        enterprise_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of events; `after` resumes after its last one (now or later), `next` is set when more were there already */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            after: string | null;
            count: number;
            next: string | null;
            previous: null;
            results: ({
              course_id: string | null;
              data: {
                after: {
                  [key: string]: unknown;
                } | null;
                before: {
                  [key: string]: unknown;
                } | null;
              } & {
                [key: string]: unknown;
              };
              /** Format: uuid */
              enterprise_customer_uuid: string;
              group_uuid: string | null;
              id: string;
              /** Format: date-time */
              occurred_at: string;
              sequence: number;
              /** @enum {string} */
              type:
                | 'membership.added'
                | 'membership.activated'
                | 'membership.removed'
                | 'membership.revived'
                | 'membership.updated'
                | 'enrollment.enrolled'
                | 'enrollment.unenrolled'
                | 'enrollment.allowed'
                | 'enrollment.completed'
                | 'enrollment.updated'
                | 'enrollment.deleted'
                | 'group.created'
                | 'group.updated'
                | 'group.deleted'
                | 'group.ruleset_changed';
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  CreateImportUpload: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        enterprise_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          file_name: string;
          /** @enum {string} */
          kind: 'learners' | 'group-members' | 'enrollments' | 'batch-participants';
        };
      };
    };
    responses: {
      /** @description {upload: {url, method: "PUT", headers}, upload_id, key, expires_at, status_url}: PUT the file to upload.url with exactly upload.headers (signed: content type and x-amz-meta-* grant metadata) before expires_at; status_url (also the Location) lists the import job of the key */
      201: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date-time */
            expires_at: string;
            key: string;
            /** Format: uri */
            status_url: string;
            upload: {
              headers: {
                [key: string]: string;
              };
              /** @constant */
              method: 'PUT';
              /** Format: uri */
              url: string;
            } & {
              [key: string]: unknown;
            };
            upload_id: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListLearners: {
    parameters: {
      query?: {
        branch_id?: string;
        cursor?: string;
        page_size?: number;
        search?: string;
      };
      header?: never;
      path: {
        enterprise_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of learners */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: ({
              attributes: {
                [key: string]: string | number | boolean | null;
              };
              branch_id: string | null;
              /** Format: date-time */
              created: string;
              email: string;
              employee_id: string | null;
              /** Format: uuid */
              enterprise_customer_uuid: string;
              first_name: string | null;
              last_name: string | null;
              /** Format: uuid */
              learner_uuid: string;
              /** Format: date-time */
              modified: string;
              state_id: string | null;
              /** @enum {string} */
              status: 'active' | 'inactive';
              username: string | null;
              version: number;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetLearner: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        enterprise_uuid: string;
        learner_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the learner */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            attributes: {
              [key: string]: string | number | boolean | null;
            };
            branch_id: string | null;
            /** Format: date-time */
            created: string;
            email: string;
            employee_id: string | null;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            first_name: string | null;
            groups: ({
              enterprise_group_membership_uuid: string;
              /** Format: uuid */
              group_uuid: string;
              home_group: boolean;
              name: string;
              permissions: string[];
              /** @enum {string} */
              status: 'pending' | 'active' | 'removed' | 'error';
            } & {
              [key: string]: unknown;
            })[];
            last_name: string | null;
            /** Format: uuid */
            learner_uuid: string;
            /** Format: date-time */
            modified: string;
            state_id: string | null;
            /** @enum {string} */
            status: 'active' | 'inactive';
            username: string | null;
            version: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PutLearner: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        enterprise_uuid: string;
        learner_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          attributes?: {
            [key: string]: string | number | boolean | null;
          };
          branch_id?: string | null;
          email: string;
          employee_id?: string | null;
          first_name?: string | null;
          last_name?: string | null;
          state_id?: string | null;
          /** @enum {string} */
          status?: 'active' | 'inactive';
          username?: string | null;
        };
      };
    };
    responses: {
      /** @description the learner, replaced */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            activated_memberships: number;
            attributes: {
              [key: string]: string | number | boolean | null;
            };
            branch_id: string | null;
            /** Format: date-time */
            created: string;
            email: string;
            employee_id: string | null;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            first_name: string | null;
            last_name: string | null;
            /** Format: uuid */
            learner_uuid: string;
            /** Format: date-time */
            modified: string;
            state_id: string | null;
            /** @enum {string} */
            status: 'active' | 'inactive';
            username: string | null;
            version: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description the learner, created; Location is its URL */
      201: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            activated_memberships: number;
            attributes: {
              [key: string]: string | number | boolean | null;
            };
            branch_id: string | null;
            /** Format: date-time */
            created: string;
            email: string;
            employee_id: string | null;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            first_name: string | null;
            last_name: string | null;
            /** Format: uuid */
            learner_uuid: string;
            /** Format: date-time */
            modified: string;
            state_id: string | null;
            /** @enum {string} */
            status: 'active' | 'inactive';
            username: string | null;
            version: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  DeleteLearner: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        enterprise_uuid: string;
        learner_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deleted */
      204: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListLearnerEnrollments: {
    parameters: {
      query?: {
        batch_id?: string;
        cursor?: string;
        page_size?: number;
        status?: 'enrolled' | 'unenrolled' | 'allowed' | 'completed';
      };
      header?: never;
      path: {
        enterprise_uuid: string;
        learner_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of enrollments */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: ({
              auto_enroll: boolean;
              batch_id: string | null;
              cohort: string | null;
              completed_at: string | null;
              course_id: string;
              /** Format: date-time */
              created: string;
              /** Format: uuid */
              enterprise_customer_uuid: string;
              learner_uuid: string | null;
              /** Format: date-time */
              modified: string;
              pending_email: string | null;
              /** @enum {string} */
              status: 'enrolled' | 'unenrolled' | 'allowed' | 'completed';
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListLearnerGroups: {
    parameters: {
      query?: {
        as_of?: string;
        cursor?: string;
        page_size?: number;
        search?: string;
        sort_by?: 'name' | 'created' | 'modified' | 'member_count';
        sort_dir?: 'asc' | 'desc';
        status?: 'active' | 'inactive';
        type?: 'manual' | 'automatic';
      };
      header?: never;
      path: {
        enterprise_uuid: string;
        learner_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of the groups the learner counted in (active or pending) now, or at as_of (the groups as they are now; a deleted group is not listed); the learner itself gets each as the learner projection */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: (
              | ({
                  /** Format: date-time */
                  created: string;
                  description: string | null;
                  /** Format: uuid */
                  enterprise_customer_uuid: string;
                  external_id: string | null;
                  /** Format: uuid */
                  group_uuid: string;
                  learning_modules: ({
                    allow_self_enroll: boolean;
                    auto_enroll: boolean;
                    course_id: string;
                  } & {
                    [key: string]: unknown;
                  })[];
                  legacy_id: number | null;
                  member_count: number;
                  /** Format: date-time */
                  modified: string;
                  name: string;
                  notification_emails: string[];
                  removal_guard:
                    | ({
                        max_percent: number;
                        min_removals: number;
                      } & {
                        [key: string]: unknown;
                      })
                    | null;
                  rule_generation?: number | null;
                  rule_processing?:
                    | ({
                        error: string | null;
                        job_id: string | null;
                        last_membership_update: string | null;
                        /** Format: date-time */
                        scheduled_tick?: string;
                        /** @enum {string} */
                        state: 'on' | 'paused';
                        /** @enum {string} */
                        status:
                          | 'not_started'
                          | 'running'
                          | 'awaiting_approval'
                          | 'succeeded'
                          | 'completed_with_errors'
                          | 'failed'
                          | 'aborted'
                          | 'cancelled';
                      } & {
                        [key: string]: unknown;
                      })
                    | null;
                  rule_version?: number | null;
                  ruleset?: {
                    [key: string]: unknown;
                  } | null;
                  /** @enum {string} */
                  status: 'active' | 'inactive';
                  tags: ({
                    name: string;
                    values: string[];
                  } & {
                    [key: string]: unknown;
                  })[];
                  /** @enum {string} */
                  type: 'manual' | 'automatic';
                  user_limit: number | null;
                  version: number;
                } & {
                  [key: string]: unknown;
                })
              | ({
                  description: string | null;
                  /** Format: uuid */
                  enterprise_customer_uuid: string;
                  /** Format: uuid */
                  group_uuid: string;
                  name: string;
                  /** @enum {string} */
                  status: 'active' | 'inactive';
                  /** @enum {string} */
                  type: 'manual' | 'automatic';
                  version?: unknown;
                } & {
                  [key: string]: unknown;
                })
            )[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  BulkUpsertLearners: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        enterprise_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          learners: unknown[];
        };
      };
    };
    responses: {
      /** @description an outcome per row */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            results: ({
              code?: string;
              details?: ({
                message: string;
                path: string;
              } & {
                [key: string]: unknown;
              })[];
              email: string | null;
              index: number;
              learner_uuid: string | null;
              message?: string;
              /** @enum {string} */
              outcome: 'created' | 'updated' | 'error';
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            job_id: string;
            /** @enum {string} */
            status:
              | 'queued'
              | 'running'
              | 'awaiting_approval'
              | 'succeeded'
              | 'completed_with_errors'
              | 'failed'
              | 'aborted'
              | 'cancelled';
            /** Format: uri */
            status_url: string;
            total: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description rate limited: retry after Retry-After seconds */
      429: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetTenantSettings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        enterprise_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the settings (the defaults until an admin puts some) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            enterprise_customer_uuid: string;
            modified: string | null;
            modified_by: string | null;
            removal_guard:
              | ({
                  max_percent: number;
                  min_removals: number;
                } & {
                  [key: string]: unknown;
                })
              | null;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PutTenantSettings: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        enterprise_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          removal_guard: {
            max_percent: number;
            min_removals: number;
          } | null;
        };
      };
    };
    responses: {
      /** @description the settings as stored */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            enterprise_customer_uuid: string;
            modified: string | null;
            modified_by: string | null;
            removal_guard:
              | ({
                  max_percent: number;
                  min_removals: number;
                } & {
                  [key: string]: unknown;
                })
              | null;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        enterprise_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description every subscription (one page) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: ({
              /** Format: date-time */
              created: string;
              enabled: boolean;
              /** Format: uuid */
              enterprise_customer_uuid: string;
              event_types: string[];
              failing_since: string | null;
              last_skipped_at: string | null;
              /** Format: date-time */
              modified: string;
              skipped_events: number;
              /** @enum {string} */
              status: 'active' | 'failing';
              url: string;
              /** Format: uuid */
              webhook_id: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  CreateWebhook: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        enterprise_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default true */
          enabled?: boolean;
          event_types: (
            | 'membership.added'
            | 'membership.activated'
            | 'membership.removed'
            | 'membership.revived'
            | 'membership.updated'
            | 'enrollment.enrolled'
            | 'enrollment.unenrolled'
            | 'enrollment.allowed'
            | 'enrollment.completed'
            | 'enrollment.updated'
            | 'enrollment.deleted'
            | 'group.created'
            | 'group.updated'
            | 'group.deleted'
            | 'group.ruleset_changed'
            | 'membership.*'
            | 'enrollment.*'
            | 'group.*'
          )[];
          url: string;
        };
      };
    };
    responses: {
      /** @description the subscription with its signing secret, shown this once */
      201: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date-time */
            created: string;
            enabled: boolean;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            event_types: string[];
            failing_since: string | null;
            last_skipped_at: string | null;
            /** Format: date-time */
            modified: string;
            previous_secret_expires_at: string | null;
            secret: string;
            skipped_events: number;
            /** @enum {string} */
            status: 'active' | 'failing';
            url: string;
            /** Format: uuid */
            webhook_id: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        enterprise_uuid: string;
        webhook_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the subscription (never its secret) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date-time */
            created: string;
            enabled: boolean;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            event_types: string[];
            failing_since: string | null;
            last_skipped_at: string | null;
            /** Format: date-time */
            modified: string;
            skipped_events: number;
            /** @enum {string} */
            status: 'active' | 'failing';
            url: string;
            /** Format: uuid */
            webhook_id: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  DeleteWebhook: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        enterprise_uuid: string;
        webhook_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deleted */
      204: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  UpdateWebhook: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        enterprise_uuid: string;
        webhook_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          enabled?: boolean;
          event_types?: (
            | 'membership.added'
            | 'membership.activated'
            | 'membership.removed'
            | 'membership.revived'
            | 'membership.updated'
            | 'enrollment.enrolled'
            | 'enrollment.unenrolled'
            | 'enrollment.allowed'
            | 'enrollment.completed'
            | 'enrollment.updated'
            | 'enrollment.deleted'
            | 'group.created'
            | 'group.updated'
            | 'group.deleted'
            | 'group.ruleset_changed'
            | 'membership.*'
            | 'enrollment.*'
            | 'group.*'
          )[];
          url?: string;
        };
      };
    };
    responses: {
      /** @description the subscription as stored */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date-time */
            created: string;
            enabled: boolean;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            event_types: string[];
            failing_since: string | null;
            last_skipped_at: string | null;
            /** Format: date-time */
            modified: string;
            skipped_events: number;
            /** @enum {string} */
            status: 'active' | 'failing';
            url: string;
            /** Format: uuid */
            webhook_id: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListWebhookDeliveries: {
    parameters: {
      query?: {
        cursor?: string;
        page_size?: number;
      };
      header?: never;
      path: {
        enterprise_uuid: string;
        webhook_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of deliveries */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: ({
              attempts: number;
              course_id: string | null;
              /** Format: date-time */
              created: string;
              delivery_id: string;
              error: string | null;
              event_id: string;
              event_type: string;
              first_attempt_at: string | null;
              group_uuid: string | null;
              last_attempt_at: string | null;
              response_code: number | null;
              sequence: number;
              /** @enum {string} */
              status: 'pending' | 'succeeded' | 'failed';
              /** Format: uuid */
              webhook_id: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RedeliverWebhookEvent: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        delivery_id: string;
        enterprise_uuid: string;
        webhook_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the delivery, pending again */
      202: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            attempts: number;
            course_id: string | null;
            /** Format: date-time */
            created: string;
            delivery_id: string;
            error: string | null;
            event_id: string;
            event_type: string;
            first_attempt_at: string | null;
            group_uuid: string | null;
            last_attempt_at: string | null;
            response_code: number | null;
            sequence: number;
            /** @enum {string} */
            status: 'pending' | 'succeeded' | 'failed';
            /** Format: uuid */
            webhook_id: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RotateWebhookSecret: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        enterprise_uuid: string;
        webhook_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the subscription with its new secret, shown this once, and when the previous one expires */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date-time */
            created: string;
            enabled: boolean;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            event_types: string[];
            failing_since: string | null;
            last_skipped_at: string | null;
            /** Format: date-time */
            modified: string;
            previous_secret_expires_at: string | null;
            secret: string;
            skipped_events: number;
            /** @enum {string} */
            status: 'active' | 'failing';
            url: string;
            /** Format: uuid */
            webhook_id: string;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListGroups: {
    parameters: {
      query?: {
        as_of?: string;
        cursor?: string;
        enterprise_uuid?: string;
        external_id?: string;
        learner_uuid?: string;
        page_size?: number;
        search?: string;
        sort_by?: 'name' | 'created' | 'modified' | 'member_count';
        sort_dir?: 'asc' | 'desc';
        status?: 'active' | 'inactive';
        type?: 'manual' | 'automatic';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of groups; a learner caller gets each as the learner projection (group_uuid, name, enterprise_customer_uuid, description, type, status), and its external_id or a sort_by other than name is a 400 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: (
              | ({
                  /** Format: date-time */
                  created: string;
                  description: string | null;
                  /** Format: uuid */
                  enterprise_customer_uuid: string;
                  external_id: string | null;
                  /** Format: uuid */
                  group_uuid: string;
                  learning_modules: ({
                    allow_self_enroll: boolean;
                    auto_enroll: boolean;
                    course_id: string;
                  } & {
                    [key: string]: unknown;
                  })[];
                  legacy_id: number | null;
                  member_count: number;
                  /** Format: date-time */
                  modified: string;
                  name: string;
                  notification_emails: string[];
                  removal_guard:
                    | ({
                        max_percent: number;
                        min_removals: number;
                      } & {
                        [key: string]: unknown;
                      })
                    | null;
                  rule_generation?: number | null;
                  rule_processing?:
                    | ({
                        error: string | null;
                        job_id: string | null;
                        last_membership_update: string | null;
                        /** Format: date-time */
                        scheduled_tick?: string;
                        /** @enum {string} */
                        state: 'on' | 'paused';
                        /** @enum {string} */
                        status:
                          | 'not_started'
                          | 'running'
                          | 'awaiting_approval'
                          | 'succeeded'
                          | 'completed_with_errors'
                          | 'failed'
                          | 'aborted'
                          | 'cancelled';
                      } & {
                        [key: string]: unknown;
                      })
                    | null;
                  rule_version?: number | null;
                  ruleset?: {
                    [key: string]: unknown;
                  } | null;
                  /** @enum {string} */
                  status: 'active' | 'inactive';
                  tags: ({
                    name: string;
                    values: string[];
                  } & {
                    [key: string]: unknown;
                  })[];
                  /** @enum {string} */
                  type: 'manual' | 'automatic';
                  user_limit: number | null;
                  version: number;
                } & {
                  [key: string]: unknown;
                })
              | ({
                  description: string | null;
                  /** Format: uuid */
                  enterprise_customer_uuid: string;
                  /** Format: uuid */
                  group_uuid: string;
                  name: string;
                  /** @enum {string} */
                  status: 'active' | 'inactive';
                  /** @enum {string} */
                  type: 'manual' | 'automatic';
                  version?: unknown;
                } & {
                  [key: string]: unknown;
                })
            )[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  CreateGroup: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          description?: string | null;
          /** Format: uuid */
          enterprise_customer_uuid: string;
          external_id?: string | null;
          learning_modules?: {
            /** @default false */
            allow_self_enroll?: boolean;
            /** @default false */
            auto_enroll?: boolean;
            course_id: string;
          }[];
          legacy_id?: number | null;
          name: string;
          notification_emails?: string[];
          removal_guard?: {
            max_percent: number;
            min_removals: number;
          } | null;
          ruleset?: {
            /** @default true */
            exclude_inactive_learners?: boolean;
            /** @enum {string} */
            operator: 'AND' | 'OR';
            sets: {
              rules: (
                | {
                    payload: {
                      field: string;
                      /** @enum {string} */
                      op:
                        | 'equals'
                        | 'not_equals'
                        | 'in'
                        | 'not_in'
                        | 'contains'
                        | 'starts_with'
                        | 'is_empty'
                        | 'is_not_empty'
                        | 'gt'
                        | 'gte'
                        | 'lt'
                        | 'lte';
                      value?: (string | number | boolean) | (string | number | boolean)[];
                    };
                    /** @constant */
                    type: 'attribute';
                  }
                | {
                    payload: {
                      branch_ids: string[];
                      /** @default false */
                      include_descendants?: boolean;
                    };
                    /** @constant */
                    type: 'branch';
                  }
                | {
                    payload: {
                      course_id: string;
                      /** @enum {string} */
                      status: 'enrolled' | 'not_enrolled' | 'completed';
                    };
                    /** @constant */
                    type: 'enrollment_status';
                  }
              )[];
            }[];
          };
          /** @enum {string} */
          status?: 'active' | 'inactive';
          tags?: {
            name: string;
            values: string[];
          }[];
          /** @enum {string} */
          type?: 'manual' | 'automatic';
          user_limit?: number | null;
        };
      };
    };
    responses: {
      /** @description the group; Location is its URL */
      201: {
        headers: {
          /** @description The strong entity-tag of the representation: its version, quoted ("3"). Send it back in If-Match. */
          ETag: string;
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date-time */
            created: string;
            description: string | null;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            external_id: string | null;
            /** Format: uuid */
            group_uuid: string;
            learning_modules: ({
              allow_self_enroll: boolean;
              auto_enroll: boolean;
              course_id: string;
            } & {
              [key: string]: unknown;
            })[];
            legacy_id: number | null;
            member_count: number;
            /** Format: date-time */
            modified: string;
            name: string;
            notification_emails: string[];
            removal_guard:
              | ({
                  max_percent: number;
                  min_removals: number;
                } & {
                  [key: string]: unknown;
                })
              | null;
            rule_generation?: number | null;
            rule_processing?:
              | ({
                  error: string | null;
                  job_id: string | null;
                  last_membership_update: string | null;
                  /** Format: date-time */
                  scheduled_tick?: string;
                  /** @enum {string} */
                  state: 'on' | 'paused';
                  /** @enum {string} */
                  status:
                    | 'not_started'
                    | 'running'
                    | 'awaiting_approval'
                    | 'succeeded'
                    | 'completed_with_errors'
                    | 'failed'
                    | 'aborted'
                    | 'cancelled';
                } & {
                  [key: string]: unknown;
                })
              | null;
            rule_version?: number | null;
            ruleset?: {
              [key: string]: unknown;
            } | null;
            /** @enum {string} */
            status: 'active' | 'inactive';
            tags: ({
              name: string;
              values: string[];
            } & {
              [key: string]: unknown;
            })[];
            /** @enum {string} */
            type: 'manual' | 'automatic';
            user_limit: number | null;
            version: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetGroup: {
    parameters: {
      query?: never;
      header?: {
        /** @description * or a list of entity-tags ("3", "4"): the request applies only if the current version is one of them (strong comparison: a weak W/"3" never matches) or, for *, exists; else 412. Malformed: 400 naming headers.if-match. */
        'If-Match'?: string;
        /** @description * or a list of entity-tags: on a read, 304 (ETag, no body) when one names the current version (weak comparison) or for *; on a write, 412 then. */
        'If-None-Match'?: string;
      };
      path: {
        group_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the group, with an ETag; a learner member gets the learner projection (group_uuid, name, enterprise_customer_uuid, description, type, status) */
      200: {
        headers: {
          /** @description The strong entity-tag of the representation: its version, quoted ("3"). Send it back in If-Match. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | ({
                /** Format: date-time */
                created: string;
                description: string | null;
                /** Format: uuid */
                enterprise_customer_uuid: string;
                external_id: string | null;
                /** Format: uuid */
                group_uuid: string;
                learning_modules: ({
                  allow_self_enroll: boolean;
                  auto_enroll: boolean;
                  course_id: string;
                } & {
                  [key: string]: unknown;
                })[];
                legacy_id: number | null;
                member_count: number;
                /** Format: date-time */
                modified: string;
                name: string;
                notification_emails: string[];
                removal_guard:
                  | ({
                      max_percent: number;
                      min_removals: number;
                    } & {
                      [key: string]: unknown;
                    })
                  | null;
                rule_generation?: number | null;
                rule_processing?:
                  | ({
                      error: string | null;
                      job_id: string | null;
                      last_membership_update: string | null;
                      /** Format: date-time */
                      scheduled_tick?: string;
                      /** @enum {string} */
                      state: 'on' | 'paused';
                      /** @enum {string} */
                      status:
                        | 'not_started'
                        | 'running'
                        | 'awaiting_approval'
                        | 'succeeded'
                        | 'completed_with_errors'
                        | 'failed'
                        | 'aborted'
                        | 'cancelled';
                    } & {
                      [key: string]: unknown;
                    })
                  | null;
                rule_version?: number | null;
                ruleset?: {
                  [key: string]: unknown;
                } | null;
                /** @enum {string} */
                status: 'active' | 'inactive';
                tags: ({
                  name: string;
                  values: string[];
                } & {
                  [key: string]: unknown;
                })[];
                /** @enum {string} */
                type: 'manual' | 'automatic';
                user_limit: number | null;
                version: number;
              } & {
                [key: string]: unknown;
              })
            | ({
                description: string | null;
                /** Format: uuid */
                enterprise_customer_uuid: string;
                /** Format: uuid */
                group_uuid: string;
                name: string;
                /** @enum {string} */
                status: 'active' | 'inactive';
                /** @enum {string} */
                type: 'manual' | 'automatic';
                version?: unknown;
              } & {
                [key: string]: unknown;
              });
        };
      };
      /** @description not modified: If-None-Match names the current version (weak comparison, or *); no body */
      304: {
        headers: {
          /** @description The strong entity-tag of the representation: its version, quoted ("3"). Send it back in If-Match. */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description precondition failed: If-Match does not name the current version, or If-None-Match does */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  DeleteGroup: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
        /** @description * or a list of entity-tags ("3", "4"): the request applies only if the current version is one of them (strong comparison: a weak W/"3" never matches) or, for *, exists; else 412. Malformed: 400 naming headers.if-match. */
        'If-Match'?: string;
        /** @description * or a list of entity-tags: on a read, 304 (ETag, no body) when one names the current version (weak comparison) or for *; on a write, 412 then. */
        'If-None-Match'?: string;
      };
      path: {
        group_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deleted */
      204: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description precondition failed: If-Match does not name the current version, or If-None-Match does */
      412: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  UpdateGroup: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
        /** @description * or a list of entity-tags ("3", "4"): the request applies only if the current version is one of them (strong comparison: a weak W/"3" never matches) or, for *, exists; else 412. Malformed: 400 naming headers.if-match. */
        'If-Match'?: string;
        /** @description * or a list of entity-tags: on a read, 304 (ETag, no body) when one names the current version (weak comparison) or for *; on a write, 412 then. */
        'If-None-Match'?: string;
      };
      path: {
        group_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          description?: string | null;
          external_id?: string | null;
          learning_modules?: {
            /** @default false */
            allow_self_enroll?: boolean;
            /** @default false */
            auto_enroll?: boolean;
            course_id: string;
          }[];
          legacy_id?: number | null;
          name?: string;
          notification_emails?: string[];
          removal_guard?: {
            max_percent: number;
            min_removals: number;
          } | null;
          rule_processing?: {
            /** @enum {string} */
            state: 'on' | 'paused';
          };
          ruleset?: {
            /** @default true */
            exclude_inactive_learners?: boolean;
            /** @enum {string} */
            operator: 'AND' | 'OR';
            sets: {
              rules: (
                | {
                    payload: {
                      field: string;
                      /** @enum {string} */
                      op:
                        | 'equals'
                        | 'not_equals'
                        | 'in'
                        | 'not_in'
                        | 'contains'
                        | 'starts_with'
                        | 'is_empty'
                        | 'is_not_empty'
                        | 'gt'
                        | 'gte'
                        | 'lt'
                        | 'lte';
                      value?: (string | number | boolean) | (string | number | boolean)[];
                    };
                    /** @constant */
                    type: 'attribute';
                  }
                | {
                    payload: {
                      branch_ids: string[];
                      /** @default false */
                      include_descendants?: boolean;
                    };
                    /** @constant */
                    type: 'branch';
                  }
                | {
                    payload: {
                      course_id: string;
                      /** @enum {string} */
                      status: 'enrolled' | 'not_enrolled' | 'completed';
                    };
                    /** @constant */
                    type: 'enrollment_status';
                  }
              )[];
            }[];
          };
          /** @enum {string} */
          status?: 'active' | 'inactive';
          tags?: {
            name: string;
            values: string[];
          }[];
          user_limit?: number | null;
        };
      };
    };
    responses: {
      /** @description the updated group */
      200: {
        headers: {
          /** @description The strong entity-tag of the representation: its version, quoted ("3"). Send it back in If-Match. */
          ETag: string;
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date-time */
            created: string;
            description: string | null;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            external_id: string | null;
            /** Format: uuid */
            group_uuid: string;
            learning_module_enrollment:
              | ({
                  /** Format: uuid */
                  job_id: string;
                  /** @enum {string} */
                  status:
                    | 'queued'
                    | 'running'
                    | 'awaiting_approval'
                    | 'succeeded'
                    | 'completed_with_errors'
                    | 'failed'
                    | 'aborted'
                    | 'cancelled';
                  /** Format: uri */
                  status_url: string;
                  total: number;
                } & {
                  [key: string]: unknown;
                })
              | null;
            learning_modules: ({
              allow_self_enroll: boolean;
              auto_enroll: boolean;
              course_id: string;
            } & {
              [key: string]: unknown;
            })[];
            legacy_id: number | null;
            member_count: number;
            /** Format: date-time */
            modified: string;
            name: string;
            notification_emails: string[];
            removal_guard:
              | ({
                  max_percent: number;
                  min_removals: number;
                } & {
                  [key: string]: unknown;
                })
              | null;
            rule_generation?: number | null;
            rule_processing?:
              | ({
                  error: string | null;
                  job_id: string | null;
                  last_membership_update: string | null;
                  /** Format: date-time */
                  scheduled_tick?: string;
                  /** @enum {string} */
                  state: 'on' | 'paused';
                  /** @enum {string} */
                  status:
                    | 'not_started'
                    | 'running'
                    | 'awaiting_approval'
                    | 'succeeded'
                    | 'completed_with_errors'
                    | 'failed'
                    | 'aborted'
                    | 'cancelled';
                } & {
                  [key: string]: unknown;
                })
              | null;
            rule_version?: number | null;
            ruleset?: {
              [key: string]: unknown;
            } | null;
            /** @enum {string} */
            status: 'active' | 'inactive';
            tags: ({
              name: string;
              values: string[];
            } & {
              [key: string]: unknown;
            })[];
            /** @enum {string} */
            type: 'manual' | 'automatic';
            user_limit: number | null;
            version: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description precondition failed: If-Match does not name the current version, or If-None-Match does */
      412: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  AssignLearners: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        group_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          branch_ids?: string[];
          group_uuids?: string[];
          home_group?: boolean;
          /** @default true */
          include_descendants?: boolean;
          learner_emails?: string[];
          learner_uuids?: string[];
          permissions?: (
            | 'MANAGE_GROUP'
            | 'MANAGE_GROUP_COURSES'
            | 'MANAGE_GROUP_USERS'
            | 'MANAGE_USERS'
            | 'PROCTOR'
            | 'MARKER'
            | 'INSTRUCTOR'
            | 'VIEW_LEARNER_RESULTS'
          )[];
        };
      };
    };
    responses: {
      /** @description an outcome per identifier; nothing changed */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            errors: ({
              identifier: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
            results: ({
              activated_at: string | null;
              /** Format: date-time */
              created: string;
              enterprise_group_membership_uuid: string;
              home_group: boolean;
              identifier: string;
              /** @enum {string} */
              invitation?: 'queued' | 'quota_exceeded';
              invited_at: string | null;
              learner_uuid: string | null;
              message?: string;
              /** Format: date-time */
              modified: string;
              outcome: string;
              pending_learner_email: string | null;
              permissions: (
                | 'MANAGE_GROUP'
                | 'MANAGE_GROUP_COURSES'
                | 'MANAGE_GROUP_USERS'
                | 'MANAGE_USERS'
                | 'PROCTOR'
                | 'MARKER'
                | 'INSTRUCTOR'
                | 'VIEW_LEARNER_RESULTS'
              )[];
              removed_at: string | null;
              /** @enum {string} */
              source: 'manual' | 'rule' | 'import';
              /** @enum {string} */
              status: 'pending' | 'active' | 'removed' | 'error';
            } & {
              [key: string]: unknown;
            })[];
            skipped: ({
              identifier: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description an outcome per identifier; Location is the group's members listing */
      201: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            errors: ({
              identifier: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
            results: ({
              activated_at: string | null;
              /** Format: date-time */
              created: string;
              enterprise_group_membership_uuid: string;
              home_group: boolean;
              identifier: string;
              /** @enum {string} */
              invitation?: 'queued' | 'quota_exceeded';
              invited_at: string | null;
              learner_uuid: string | null;
              message?: string;
              /** Format: date-time */
              modified: string;
              outcome: string;
              pending_learner_email: string | null;
              permissions: (
                | 'MANAGE_GROUP'
                | 'MANAGE_GROUP_COURSES'
                | 'MANAGE_GROUP_USERS'
                | 'MANAGE_USERS'
                | 'PROCTOR'
                | 'MARKER'
                | 'INSTRUCTOR'
                | 'VIEW_LEARNER_RESULTS'
              )[];
              removed_at: string | null;
              /** @enum {string} */
              source: 'manual' | 'rule' | 'import';
              /** @enum {string} */
              status: 'pending' | 'active' | 'removed' | 'error';
            } & {
              [key: string]: unknown;
            })[];
            skipped: ({
              identifier: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            job_id: string;
            /** @enum {string} */
            status:
              | 'queued'
              | 'running'
              | 'awaiting_approval'
              | 'succeeded'
              | 'completed_with_errors'
              | 'failed'
              | 'aborted'
              | 'cancelled';
            /** Format: uri */
            status_url: string;
            total: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description rate limited: retry after Retry-After seconds */
      429: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListConditionsHistory: {
    parameters: {
      query?: {
        cursor?: string;
        page_size?: number;
      };
      header?: never;
      path: {
        group_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of ruleset versions */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: ({
              /** Format: date-time */
              changed_at: string;
              changed_by: string;
              /** Format: uuid */
              enterprise_customer_uuid: string;
              /** Format: uuid */
              group_uuid: string;
              ruleset: {
                [key: string]: unknown;
              };
              version: number;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExportGroupMembers: {
    parameters: {
      query?: {
        columns?: string;
        delimiter?: ',' | ';' | '|' | 'tab';
        include_header?: 'true' | 'false';
      };
      header?: never;
      path: {
        group_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the members as CSV (an attachment) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            job_id: string;
            /** @enum {string} */
            status:
              | 'queued'
              | 'running'
              | 'awaiting_approval'
              | 'succeeded'
              | 'completed_with_errors'
              | 'failed'
              | 'aborted'
              | 'cancelled';
            /** Format: uri */
            status_url: string;
            total: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description rate limited: retry after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListGroupHistory: {
    parameters: {
      query?: {
        cursor?: string;
        page_size?: number;
      };
      header?: never;
      path: {
        group_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of history entries */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: ({
              /** @enum {string} */
              action:
                | 'group_created'
                | 'group_updated'
                | 'group_deleted'
                | 'memberships_changed'
                | 'removals_held'
                | 'removals_approved'
                | 'removals_cancelled';
              actor: string;
              /** Format: date-time */
              at: string;
              changes?: {
                [key: string]: {
                  after: unknown;
                  before: unknown;
                } & {
                  [key: string]: unknown;
                };
              };
              /** Format: uuid */
              enterprise_customer_uuid: string;
              /** Format: uuid */
              group_uuid: string;
              guard?: {
                /** Format: uuid */
                group_uuid?: string;
                max_percent: number;
                member_count: number;
                min_removals: number;
                percent: number;
                sample: ({
                  email: string | null;
                  /** Format: uuid */
                  learner_uuid: string;
                } & {
                  [key: string]: unknown;
                })[];
                would_remove: number;
              } & {
                [key: string]: unknown;
              };
              history_id: string;
              /** Format: uuid */
              job_id?: string;
              member_count_delta?: number;
              members?: ({
                after:
                  | ({
                      home_group: boolean;
                      permissions: string[];
                      /** @enum {string} */
                      status: 'pending' | 'active' | 'removed' | 'error';
                    } & {
                      [key: string]: unknown;
                    })
                  | null;
                before:
                  | ({
                      home_group: boolean;
                      permissions: string[];
                      /** @enum {string} */
                      status: 'pending' | 'active' | 'removed' | 'error';
                    } & {
                      [key: string]: unknown;
                    })
                  | null;
                enterprise_group_membership_uuid: string;
                learner_uuid: string | null;
                outcome: string;
                pending_learner_email: string | null;
              } & {
                [key: string]: unknown;
              })[];
              op_id: string | null;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListGroupLearners: {
    parameters: {
      query?: {
        as_of?: string;
        cursor?: string;
        learners?: string;
        page_size?: number;
        search?: string;
        sort_by?: 'email' | 'first_name' | 'last_name' | 'created' | 'activated_at' | 'status';
        sort_dir?: 'asc' | 'desc';
        source?: 'manual' | 'rule' | 'import';
        status?: 'pending' | 'active' | 'removed' | 'error';
      };
      header?: never;
      path: {
        group_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of memberships */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            count_exact: boolean;
            next: string | null;
            previous: string | null;
            results: ({
              activated_at: string | null;
              /** Format: date-time */
              created: string;
              enterprise_group_membership_uuid: string;
              home_group: boolean;
              invited_at: string | null;
              learner_uuid: string | null;
              member_details: {
                user_email: string | null;
                user_name?: string | null;
              } & {
                [key: string]: unknown;
              };
              /** Format: date-time */
              modified: string;
              pending_learner_email: string | null;
              permissions: (
                | 'MANAGE_GROUP'
                | 'MANAGE_GROUP_COURSES'
                | 'MANAGE_GROUP_USERS'
                | 'MANAGE_USERS'
                | 'PROCTOR'
                | 'MARKER'
                | 'INSTRUCTOR'
                | 'VIEW_LEARNER_RESULTS'
              )[];
              removed_at: string | null;
              /** @enum {string} */
              source: 'manual' | 'rule' | 'import';
              /** @enum {string} */
              status: 'pending' | 'active' | 'removed' | 'error';
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description rate limited: retry after Retry-After seconds */
      429: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ExplainMembership: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        group_uuid: string;
        learner_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the explanation */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            exclude_inactive_learners: boolean;
            excluded_by_admin: boolean;
            excluded_inactive: boolean;
            /** Format: uuid */
            group_uuid: string;
            /** Format: uuid */
            learner_uuid: string;
            matches: boolean;
            member: boolean;
            membership_rule_generation: number | null;
            /** @enum {string} */
            operator: 'AND' | 'OR';
            rule_generation: number | null;
            rule_processing: {
              [key: string]: unknown;
            } | null;
            rule_version: number | null;
            sets: ({
              result: boolean;
              rules: {
                [key: string]: unknown;
              }[];
            } & {
              [key: string]: unknown;
            })[];
            source: ('manual' | 'rule' | 'import') | null;
            status: ('pending' | 'active' | 'removed' | 'error') | null;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RecalculateGroup: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        group_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the recalculation job; the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            job_id: string;
            /** @enum {string} */
            status:
              | 'queued'
              | 'running'
              | 'awaiting_approval'
              | 'succeeded'
              | 'completed_with_errors'
              | 'failed'
              | 'aborted'
              | 'cancelled';
            /** Format: uri */
            status_url: string;
            total: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description rate limited: retry after Retry-After seconds */
      429: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RemoveLearners: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        group_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          learner_emails?: string[];
          learner_uuids?: string[];
          remove_all?: boolean;
        };
      };
    };
    responses: {
      /** @description {count, records_deleted, results, skipped, errors}: an outcome per identifier (none for remove_all); records_deleted is Open edX's name of count */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            errors: ({
              identifier: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
            records_deleted: number;
            results: ({
              identifier: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
            skipped: ({
              identifier: string;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
          };
        };
      };
      /** @description over 1000 identifiers, or remove_all past the group's removal_guard: the job ({job_id, status, total, status_url}; Location is its status_url); in a guarded group it waits awaiting_approval when its removals pass the guard */
      202: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            job_id: string;
            /** @enum {string} */
            status:
              | 'queued'
              | 'running'
              | 'awaiting_approval'
              | 'succeeded'
              | 'completed_with_errors'
              | 'failed'
              | 'aborted'
              | 'cancelled';
            /** Format: uri */
            status_url: string;
            total: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description rate limited: retry after Retry-After seconds */
      429: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetGroupByLegacyId: {
    parameters: {
      query: {
        enterprise_uuid: string;
      };
      header?: {
        /** @description * or a list of entity-tags ("3", "4"): the request applies only if the current version is one of them (strong comparison: a weak W/"3" never matches) or, for *, exists; else 412. Malformed: 400 naming headers.if-match. */
        'If-Match'?: string;
        /** @description * or a list of entity-tags: on a read, 304 (ETag, no body) when one names the current version (weak comparison) or for *; on a write, 412 then. */
        'If-None-Match'?: string;
      };
      path: {
        legacy_id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the group */
      200: {
        headers: {
          /** @description The strong entity-tag of the representation: its version, quoted ("3"). Send it back in If-Match. */
          ETag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date-time */
            created: string;
            description: string | null;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            external_id: string | null;
            /** Format: uuid */
            group_uuid: string;
            learning_modules: ({
              allow_self_enroll: boolean;
              auto_enroll: boolean;
              course_id: string;
            } & {
              [key: string]: unknown;
            })[];
            legacy_id: number | null;
            member_count: number;
            /** Format: date-time */
            modified: string;
            name: string;
            notification_emails: string[];
            removal_guard:
              | ({
                  max_percent: number;
                  min_removals: number;
                } & {
                  [key: string]: unknown;
                })
              | null;
            rule_generation?: number | null;
            rule_processing?:
              | ({
                  error: string | null;
                  job_id: string | null;
                  last_membership_update: string | null;
                  /** Format: date-time */
                  scheduled_tick?: string;
                  /** @enum {string} */
                  state: 'on' | 'paused';
                  /** @enum {string} */
                  status:
                    | 'not_started'
                    | 'running'
                    | 'awaiting_approval'
                    | 'succeeded'
                    | 'completed_with_errors'
                    | 'failed'
                    | 'aborted'
                    | 'cancelled';
                } & {
                  [key: string]: unknown;
                })
              | null;
            rule_version?: number | null;
            ruleset?: {
              [key: string]: unknown;
            } | null;
            /** @enum {string} */
            status: 'active' | 'inactive';
            tags: ({
              name: string;
              values: string[];
            } & {
              [key: string]: unknown;
            })[];
            /** @enum {string} */
            type: 'manual' | 'automatic';
            user_limit: number | null;
            version: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description not modified: If-None-Match names the current version (weak comparison, or *); no body */
      304: {
        headers: {
          /** @description The strong entity-tag of the representation: its version, quoted ("3"). Send it back in If-Match. */
          ETag: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description precondition failed: If-Match does not name the current version, or If-None-Match does */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  PreviewRuleset: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          enterprise_customer_uuid: string;
          /** Format: uuid */
          group_uuid?: string;
          ruleset: {
            /** @default true */
            exclude_inactive_learners?: boolean;
            /** @enum {string} */
            operator: 'AND' | 'OR';
            sets: {
              rules: (
                | {
                    payload: {
                      field: string;
                      /** @enum {string} */
                      op:
                        | 'equals'
                        | 'not_equals'
                        | 'in'
                        | 'not_in'
                        | 'contains'
                        | 'starts_with'
                        | 'is_empty'
                        | 'is_not_empty'
                        | 'gt'
                        | 'gte'
                        | 'lt'
                        | 'lte';
                      value?: (string | number | boolean) | (string | number | boolean)[];
                    };
                    /** @constant */
                    type: 'attribute';
                  }
                | {
                    payload: {
                      branch_ids: string[];
                      /** @default false */
                      include_descendants?: boolean;
                    };
                    /** @constant */
                    type: 'branch';
                  }
                | {
                    payload: {
                      course_id: string;
                      /** @enum {string} */
                      status: 'enrolled' | 'not_enrolled' | 'completed';
                    };
                    /** @constant */
                    type: 'enrollment_status';
                  }
              )[];
            }[];
          };
          /** @default 10 */
          sample_size?: number;
        };
      };
    };
    responses: {
      /** @description matching_count, sample, would_add, would_remove */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            enterprise_customer_uuid: string;
            evaluated: number;
            /** Format: uuid */
            group_uuid?: string;
            learners_evaluated: number;
            matching_count: number;
            sample: ({
              /** Format: uuid */
              learner_uuid: string;
            } & {
              [key: string]: unknown;
            })[];
            sampled: boolean;
            total_learners: number;
            would_add?: {
              count: number;
              sample: ({
                /** Format: uuid */
                learner_uuid: string;
              } & {
                [key: string]: unknown;
              })[];
            } & {
              [key: string]: unknown;
            };
            would_remove?: {
              count: number;
              sample: ({
                /** Format: uuid */
                learner_uuid: string;
              } & {
                [key: string]: unknown;
              })[];
            } & {
              [key: string]: unknown;
            };
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description rate limited: retry after Retry-After seconds */
      429: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListJobs: {
    parameters: {
      query: {
        cursor?: string;
        enterprise_uuid: string;
        page_size?: number;
        source_key?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of jobs */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: ({
              approved_at: string | null;
              approved_by: string | null;
              chunks_done: number;
              chunks_failed: number;
              chunks_total: number | null;
              columns: string[] | null;
              /** Format: date-time */
              created: string;
              created_by: string;
              /** Format: uuid */
              enterprise_customer_uuid: string;
              error: string | null;
              failed: number;
              finished: string | null;
              group_uuid: string | null;
              guard:
                | ({
                    /** Format: uuid */
                    group_uuid?: string;
                    max_percent: number;
                    member_count: number;
                    min_removals: number;
                    percent: number;
                    sample: ({
                      email: string | null;
                      /** Format: uuid */
                      learner_uuid: string;
                    } & {
                      [key: string]: unknown;
                    })[];
                    would_remove: number;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              /** Format: uuid */
              job_id: string;
              kind: string;
              outcome_counts: {
                [key: string]: number;
              };
              processed: number;
              progress: number;
              results_file:
                | ({
                    bucket: string;
                    download_url: string | null;
                    key: string;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              results_key: string | null;
              /** Format: uri */
              results_url: string;
              reverted_by: string | null;
              reverts: string | null;
              skipped: number;
              source: {
                /** @enum {string} */
                type: 'api' | 's3' | 'schedule';
              } & {
                [key: string]: unknown;
              };
              source_key: string;
              started: string | null;
              /** @enum {string} */
              status:
                | 'queued'
                | 'running'
                | 'awaiting_approval'
                | 'succeeded'
                | 'completed_with_errors'
                | 'failed'
                | 'aborted'
                | 'cancelled';
              succeeded: number;
              total: number;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  GetJob: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        job_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the job */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            approved_at: string | null;
            approved_by: string | null;
            chunks_done: number;
            chunks_failed: number;
            chunks_total: number | null;
            columns: string[] | null;
            /** Format: date-time */
            created: string;
            created_by: string;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            error: string | null;
            failed: number;
            finished: string | null;
            group_uuid: string | null;
            guard:
              | ({
                  /** Format: uuid */
                  group_uuid?: string;
                  max_percent: number;
                  member_count: number;
                  min_removals: number;
                  percent: number;
                  sample: ({
                    email: string | null;
                    /** Format: uuid */
                    learner_uuid: string;
                  } & {
                    [key: string]: unknown;
                  })[];
                  would_remove: number;
                } & {
                  [key: string]: unknown;
                })
              | null;
            /** Format: uuid */
            job_id: string;
            kind: string;
            outcome_counts: {
              [key: string]: number;
            };
            processed: number;
            progress: number;
            results_file:
              | ({
                  bucket: string;
                  download_url: string | null;
                  key: string;
                } & {
                  [key: string]: unknown;
                })
              | null;
            results_key: string | null;
            /** Format: uri */
            results_url: string;
            reverted_by: string | null;
            reverts: string | null;
            skipped: number;
            source: {
              /** @enum {string} */
              type: 'api' | 's3' | 'schedule';
            } & {
              [key: string]: unknown;
            };
            source_key: string;
            started: string | null;
            /** @enum {string} */
            status:
              | 'queued'
              | 'running'
              | 'awaiting_approval'
              | 'succeeded'
              | 'completed_with_errors'
              | 'failed'
              | 'aborted'
              | 'cancelled';
            succeeded: number;
            total: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  AbortJob: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        job_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the aborted job */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            approved_at: string | null;
            approved_by: string | null;
            chunks_done: number;
            chunks_failed: number;
            chunks_total: number | null;
            columns: string[] | null;
            /** Format: date-time */
            created: string;
            created_by: string;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            error: string | null;
            failed: number;
            finished: string | null;
            group_uuid: string | null;
            guard:
              | ({
                  /** Format: uuid */
                  group_uuid?: string;
                  max_percent: number;
                  member_count: number;
                  min_removals: number;
                  percent: number;
                  sample: ({
                    email: string | null;
                    /** Format: uuid */
                    learner_uuid: string;
                  } & {
                    [key: string]: unknown;
                  })[];
                  would_remove: number;
                } & {
                  [key: string]: unknown;
                })
              | null;
            /** Format: uuid */
            job_id: string;
            kind: string;
            outcome_counts: {
              [key: string]: number;
            };
            processed: number;
            progress: number;
            results_file:
              | ({
                  bucket: string;
                  download_url: string | null;
                  key: string;
                } & {
                  [key: string]: unknown;
                })
              | null;
            results_key: string | null;
            /** Format: uri */
            results_url: string;
            reverted_by: string | null;
            reverts: string | null;
            skipped: number;
            source: {
              /** @enum {string} */
              type: 'api' | 's3' | 'schedule';
            } & {
              [key: string]: unknown;
            };
            source_key: string;
            started: string | null;
            /** @enum {string} */
            status:
              | 'queued'
              | 'running'
              | 'awaiting_approval'
              | 'succeeded'
              | 'completed_with_errors'
              | 'failed'
              | 'aborted'
              | 'cancelled';
            succeeded: number;
            total: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ApproveJob: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        job_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the approved job, running again; Location is its URL */
      202: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            approved_at: string | null;
            approved_by: string | null;
            chunks_done: number;
            chunks_failed: number;
            chunks_total: number | null;
            columns: string[] | null;
            /** Format: date-time */
            created: string;
            created_by: string;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            error: string | null;
            failed: number;
            finished: string | null;
            group_uuid: string | null;
            guard:
              | ({
                  /** Format: uuid */
                  group_uuid?: string;
                  max_percent: number;
                  member_count: number;
                  min_removals: number;
                  percent: number;
                  sample: ({
                    email: string | null;
                    /** Format: uuid */
                    learner_uuid: string;
                  } & {
                    [key: string]: unknown;
                  })[];
                  would_remove: number;
                } & {
                  [key: string]: unknown;
                })
              | null;
            /** Format: uuid */
            job_id: string;
            kind: string;
            outcome_counts: {
              [key: string]: number;
            };
            processed: number;
            progress: number;
            results_file:
              | ({
                  bucket: string;
                  download_url: string | null;
                  key: string;
                } & {
                  [key: string]: unknown;
                })
              | null;
            results_key: string | null;
            /** Format: uri */
            results_url: string;
            reverted_by: string | null;
            reverts: string | null;
            skipped: number;
            source: {
              /** @enum {string} */
              type: 'api' | 's3' | 'schedule';
            } & {
              [key: string]: unknown;
            };
            source_key: string;
            started: string | null;
            /** @enum {string} */
            status:
              | 'queued'
              | 'running'
              | 'awaiting_approval'
              | 'succeeded'
              | 'completed_with_errors'
              | 'failed'
              | 'aborted'
              | 'cancelled';
            succeeded: number;
            total: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  CancelJob: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        job_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the cancelled job */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            approved_at: string | null;
            approved_by: string | null;
            chunks_done: number;
            chunks_failed: number;
            chunks_total: number | null;
            columns: string[] | null;
            /** Format: date-time */
            created: string;
            created_by: string;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            error: string | null;
            failed: number;
            finished: string | null;
            group_uuid: string | null;
            guard:
              | ({
                  /** Format: uuid */
                  group_uuid?: string;
                  max_percent: number;
                  member_count: number;
                  min_removals: number;
                  percent: number;
                  sample: ({
                    email: string | null;
                    /** Format: uuid */
                    learner_uuid: string;
                  } & {
                    [key: string]: unknown;
                  })[];
                  would_remove: number;
                } & {
                  [key: string]: unknown;
                })
              | null;
            /** Format: uuid */
            job_id: string;
            kind: string;
            outcome_counts: {
              [key: string]: number;
            };
            processed: number;
            progress: number;
            results_file:
              | ({
                  bucket: string;
                  download_url: string | null;
                  key: string;
                } & {
                  [key: string]: unknown;
                })
              | null;
            results_key: string | null;
            /** Format: uri */
            results_url: string;
            reverted_by: string | null;
            reverts: string | null;
            skipped: number;
            source: {
              /** @enum {string} */
              type: 'api' | 's3' | 'schedule';
            } & {
              [key: string]: unknown;
            };
            source_key: string;
            started: string | null;
            /** @enum {string} */
            status:
              | 'queued'
              | 'running'
              | 'awaiting_approval'
              | 'succeeded'
              | 'completed_with_errors'
              | 'failed'
              | 'aborted'
              | 'cancelled';
            succeeded: number;
            total: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  ListJobResults: {
    parameters: {
      query?: {
        cursor?: string;
        outcome?: string;
        page_size?: number;
      };
      header?: never;
      path: {
        job_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description a page of row results */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            next: string | null;
            previous: string | null;
            results: ({
              code?: string;
              identifier: string;
              index: number;
              message?: string;
              outcome: string;
            } & {
              [key: string]: unknown;
            })[];
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  RevertJob: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 255 visible ASCII characters: the first request with a key is run and its answer (not a 5xx) kept 24 hours; the same request again replays it (Idempotent-Replayed: true), another request with the key is a 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        job_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the revert job; Location is its URL */
      202: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            approved_at: string | null;
            approved_by: string | null;
            chunks_done: number;
            chunks_failed: number;
            chunks_total: number | null;
            columns: string[] | null;
            /** Format: date-time */
            created: string;
            created_by: string;
            /** Format: uuid */
            enterprise_customer_uuid: string;
            error: string | null;
            failed: number;
            finished: string | null;
            group_uuid: string | null;
            guard:
              | ({
                  /** Format: uuid */
                  group_uuid?: string;
                  max_percent: number;
                  member_count: number;
                  min_removals: number;
                  percent: number;
                  sample: ({
                    email: string | null;
                    /** Format: uuid */
                    learner_uuid: string;
                  } & {
                    [key: string]: unknown;
                  })[];
                  would_remove: number;
                } & {
                  [key: string]: unknown;
                })
              | null;
            /** Format: uuid */
            job_id: string;
            kind: string;
            outcome_counts: {
              [key: string]: number;
            };
            processed: number;
            progress: number;
            results_file:
              | ({
                  bucket: string;
                  download_url: string | null;
                  key: string;
                } & {
                  [key: string]: unknown;
                })
              | null;
            results_key: string | null;
            /** Format: uri */
            results_url: string;
            reverted_by: string | null;
            reverts: string | null;
            skipped: number;
            source: {
              /** @enum {string} */
              type: 'api' | 's3' | 'schedule';
            } & {
              [key: string]: unknown;
            };
            source_key: string;
            started: string | null;
            /** @enum {string} */
            status:
              | 'queued'
              | 'running'
              | 'awaiting_approval'
              | 'succeeded'
              | 'completed_with_errors'
              | 'failed'
              | 'aborted'
              | 'cancelled';
            succeeded: number;
            total: number;
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description invalid request: path, query, headers or body (each problem in details) */
      400: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description no valid bearer token */
      401: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the caller's roles or tenants do not allow this */
      403: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description not found, or not visible to the caller */
      404: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description conflict with the current state, or an Idempotency-Key reused or still running */
      409: {
        headers: {
          'Idempotent-Replayed': components['headers']['idempotent-replayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description the database is over capacity: retry after Retry-After seconds */
      503: {
        headers: {
          /** @description Seconds to wait before retrying (RFC 9110 §10.2.3) */
          'Retry-After': string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  Health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description {status: "ok"}, with `local` on the local stack */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            local?: {
              [key: string]: unknown;
            };
            /** @constant */
            status: 'ok';
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  OpenApi: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the OpenAPI 3.1 document */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            openapi: string;
            paths: {
              [key: string]: unknown;
            };
          } & {
            [key: string]: unknown;
          };
        };
      };
      /** @description internal error: nothing internal in it */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description any other error, with the error body */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
}
