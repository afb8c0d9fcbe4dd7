/**
 * The API's paths, operations and schemas as TypeScript types, generated from GET /openapi.json by
 * `npm run client:generate` (openapi-typescript). Do not edit: regenerate.
 */
export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Health */
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
    /** OpenApi */
    get: operations['OpenApi'];
    put?: never;
    post?: never;
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
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  Health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
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
      /** @description ok */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ListGroups: {
    parameters: {
      query?: {
        enterprise_uuid?: string;
        learner_uuid?: string;
        external_id?: string;
        as_of?: string;
        search?: string;
        type?: 'manual' | 'automatic';
        status?: 'active' | 'inactive';
        sort_by?: 'name' | 'created' | 'modified' | 'member_count';
        sort_dir?: 'asc' | 'desc';
        page_size?: number;
        cursor?: string;
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  CreateGroup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /** Format: uuid */
          enterprise_customer_uuid: string;
          description?: string | null;
          /** @enum {string} */
          type?: 'manual' | 'automatic';
          ruleset?: {
            /** @enum {string} */
            operator: 'AND' | 'OR';
            sets: {
              rules: (
                | {
                    /** @constant */
                    type: 'attribute';
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
                  }
                | {
                    /** @constant */
                    type: 'branch';
                    payload: {
                      branch_ids: string[];
                      /** @default false */
                      include_descendants?: boolean;
                    };
                  }
                | {
                    /** @constant */
                    type: 'enrollment_status';
                    payload: {
                      course_id: string;
                      /** @enum {string} */
                      status: 'enrolled' | 'not_enrolled' | 'completed';
                    };
                  }
              )[];
            }[];
            /** @default true */
            exclude_inactive_learners?: boolean;
          };
          /** @enum {string} */
          status?: 'active' | 'inactive';
          external_id?: string | null;
          legacy_id?: number | null;
          user_limit?: number | null;
          notification_emails?: string[];
          tags?: {
            name: string;
            values: string[];
          }[];
          learning_modules?: {
            course_id: string;
            /** @default false */
            allow_self_enroll?: boolean;
            /** @default false */
            auto_enroll?: boolean;
          }[];
        };
      };
    };
    responses: {
      /** @description the group; Location is its URL */
      201: {
        headers: {
          /** @description The strong entity-tag of the representation: its version, quoted ("3"). Send it back in If-Match. */
          ETag?: string;
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  PreviewRuleset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          enterprise_customer_uuid: string;
          ruleset: {
            /** @enum {string} */
            operator: 'AND' | 'OR';
            sets: {
              rules: (
                | {
                    /** @constant */
                    type: 'attribute';
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
                  }
                | {
                    /** @constant */
                    type: 'branch';
                    payload: {
                      branch_ids: string[];
                      /** @default false */
                      include_descendants?: boolean;
                    };
                  }
                | {
                    /** @constant */
                    type: 'enrollment_status';
                    payload: {
                      course_id: string;
                      /** @enum {string} */
                      status: 'enrolled' | 'not_enrolled' | 'completed';
                    };
                  }
              )[];
            }[];
            /** @default true */
            exclude_inactive_learners?: boolean;
          };
          /** Format: uuid */
          group_uuid?: string;
          /** @default 10 */
          sample_size?: number;
        };
      };
    };
    responses: {
      /** @description matching_count, sample, would_add, would_remove */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
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
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not modified: If-None-Match names the current version (weak comparison, or *); no body */
      304: {
        headers: {
          /** @description The strong entity-tag of the representation: its version, quoted ("3"). Send it back in If-Match. */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description precondition failed: If-Match does not name the current version, or If-None-Match does */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
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
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description not modified: If-None-Match names the current version (weak comparison, or *); no body */
      304: {
        headers: {
          /** @description The strong entity-tag of the representation: its version, quoted ("3"). Send it back in If-Match. */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description precondition failed: If-Match does not name the current version, or If-None-Match does */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  DeleteGroup: {
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
      /** @description deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description precondition failed: If-Match does not name the current version, or If-None-Match does */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  UpdateGroup: {
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
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          description?: string | null;
          ruleset?: {
            /** @enum {string} */
            operator: 'AND' | 'OR';
            sets: {
              rules: (
                | {
                    /** @constant */
                    type: 'attribute';
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
                  }
                | {
                    /** @constant */
                    type: 'branch';
                    payload: {
                      branch_ids: string[];
                      /** @default false */
                      include_descendants?: boolean;
                    };
                  }
                | {
                    /** @constant */
                    type: 'enrollment_status';
                    payload: {
                      course_id: string;
                      /** @enum {string} */
                      status: 'enrolled' | 'not_enrolled' | 'completed';
                    };
                  }
              )[];
            }[];
            /** @default true */
            exclude_inactive_learners?: boolean;
          };
          /** @enum {string} */
          status?: 'active' | 'inactive';
          external_id?: string | null;
          legacy_id?: number | null;
          user_limit?: number | null;
          notification_emails?: string[];
          tags?: {
            name: string;
            values: string[];
          }[];
          learning_modules?: {
            course_id: string;
            /** @default false */
            allow_self_enroll?: boolean;
            /** @default false */
            auto_enroll?: boolean;
          }[];
          rule_processing?: {
            /** @enum {string} */
            state: 'on' | 'paused';
          };
        };
      };
    };
    responses: {
      /** @description the updated group */
      200: {
        headers: {
          /** @description The strong entity-tag of the representation: its version, quoted ("3"). Send it back in If-Match. */
          ETag?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description precondition failed: If-Match does not name the current version, or If-None-Match does */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  RecalculateGroup: {
    parameters: {
      query?: never;
      header?: never;
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
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ListConditionsHistory: {
    parameters: {
      query?: {
        page_size?: number;
        cursor?: string;
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ExportGroupMembers: {
    parameters: {
      query?: {
        columns?: string;
        include_header?: 'true' | 'false';
        delimiter?: ',' | ';' | '|' | 'tab';
      };
      header?: never;
      path: {
        group_uuid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/csv */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ListGroupLearners: {
    parameters: {
      query?: {
        search?: string;
        status?: 'pending' | 'active' | 'removed' | 'error';
        source?: 'manual' | 'rule' | 'import';
        sort_by?: 'email' | 'first_name' | 'last_name' | 'created' | 'activated_at' | 'status';
        sort_dir?: 'asc' | 'desc';
        learners?: string;
        as_of?: string;
        page_size?: number;
        cursor?: string;
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ListGroupHistory: {
    parameters: {
      query?: {
        page_size?: number;
        cursor?: string;
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  AssignLearners: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        group_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          learner_uuids?: string[];
          learner_emails?: string[];
          branch_ids?: string[];
          /** @default true */
          include_descendants?: boolean;
          group_uuids?: string[];
          home_group?: boolean;
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
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description an outcome per identifier; Location is the group's members listing */
      201: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  RemoveLearners: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        group_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          learner_uuids?: string[];
          learner_emails?: string[];
          remove_all?: boolean;
        };
      };
    };
    responses: {
      /** @description {count, records_deleted, results, skipped, errors}: an outcome per identifier (none for remove_all); records_deleted is Open edX's name of count */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
            records_deleted: number;
            results: ({
              identifier: string;
              outcome: string;
              message?: string;
            } & {
              [key: string]: unknown;
            })[];
            skipped: ({
              identifier: string;
              outcome: string;
              message?: string;
            } & {
              [key: string]: unknown;
            })[];
            errors: ({
              identifier: string;
              outcome: string;
              message?: string;
            } & {
              [key: string]: unknown;
            })[];
          };
        };
      };
      /** @description the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  PutLearner: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        enterprise_uuid: string;
        learner_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          email: string;
          username?: string | null;
          first_name?: string | null;
          last_name?: string | null;
          employee_id?: string | null;
          state_id?: string | null;
          branch_id?: string | null;
          attributes?: {
            [key: string]: string | number | boolean | null;
          };
          /** @enum {string} */
          status?: 'active' | 'inactive';
        };
      };
    };
    responses: {
      /** @description the learner, replaced */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the learner, created; Location is its URL */
      201: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  DeleteLearner: {
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
      /** @description deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ListLearners: {
    parameters: {
      query?: {
        search?: string;
        branch_id?: string;
        page_size?: number;
        cursor?: string;
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ListLearnerGroups: {
    parameters: {
      query?: {
        as_of?: string;
        search?: string;
        type?: 'manual' | 'automatic';
        status?: 'active' | 'inactive';
        sort_by?: 'name' | 'created' | 'modified' | 'member_count';
        sort_dir?: 'asc' | 'desc';
        page_size?: number;
        cursor?: string;
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  BulkUpsertLearners: {
    parameters: {
      query?: never;
      header?: never;
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
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  PutBranch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        enterprise_uuid: string;
        branch_id: string;
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
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the branch, created; Location is its URL */
      201: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ListBranches: {
    parameters: {
      query?: {
        page_size?: number;
        cursor?: string;
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  CreateImportUpload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        enterprise_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          kind: 'learners' | 'group-members' | 'enrollments' | 'batch-participants';
          file_name: string;
        };
      };
    };
    responses: {
      /** @description {upload: {url, method: "PUT", headers}, upload_id, key, expires_at, status_url}: PUT the file to upload.url with exactly upload.headers (signed: content type and x-amz-meta-* grant metadata) before expires_at; status_url (also the Location) lists the import job of the key */
      201: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ListJobs: {
    parameters: {
      query: {
        enterprise_uuid: string;
        source_key?: string;
        page_size?: number;
        cursor?: string;
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ListJobResults: {
    parameters: {
      query?: {
        outcome?: string;
        page_size?: number;
        cursor?: string;
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  AbortJob: {
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
      /** @description the aborted job */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  BulkEnroll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          action: 'enroll' | 'unenroll';
          courses: string | string[];
          cohorts?: string | string[];
          identifiers: string | string[];
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
        };
        'application/x-www-form-urlencoded': {
          /** @enum {string} */
          action: 'enroll' | 'unenroll';
          courses: string | string[];
          cohorts?: string | string[];
          identifiers: string | string[];
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
        };
        'multipart/form-data': {
          /** @enum {string} */
          action: 'enroll' | 'unenroll';
          courses: string | string[];
          cohorts?: string | string[];
          identifiers: string | string[];
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
        };
      };
    };
    responses: {
      /** @description per course, per identifier: before and after */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  CreateBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        course_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /** @enum {string} */
          enrollment_type: 'open' | 'invite_only';
          /** Format: uuid */
          enterprise_customer_uuid: string;
        };
      };
    };
    responses: {
      /** @description the batch, with its batch_id; Location is its URL */
      201: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  AddBatchParticipants: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        batch_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          identifiers: string[];
          /** @enum {string} */
          identifier_type: 'user_id' | 'state_id' | 'email' | 'employee_id';
        };
      };
    };
    responses: {
      /** @description an outcome per identifier; nothing was added */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description an outcome per identifier; Location is the batch's participants listing */
      201: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  RemoveBatchParticipants: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        batch_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          identifiers: string[];
          /** @enum {string} */
          identifier_type: 'user_id' | 'state_id' | 'email' | 'employee_id';
        };
      };
    };
    responses: {
      /** @description an outcome per identifier */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description the job: {job_id, status, total, status_url}; Location is its status_url */
      202: {
        headers: {
          /** @description RFC 9110: the created resource (201), or the job following the request (202), as an absolute URL */
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ListBatchParticipants: {
    parameters: {
      query?: {
        status?: 'enrolled' | 'completed' | 'unenrolled';
        page_size?: number;
        cursor?: string;
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ListCourseEnrollments: {
    parameters: {
      query?: {
        enterprise_customer_uuid?: string;
        status?: 'enrolled' | 'unenrolled' | 'allowed' | 'completed';
        batch_id?: string;
        page_size?: number;
        cursor?: string;
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ListEnrollmentAudit: {
    parameters: {
      query: {
        enterprise_customer_uuid: string;
        learner_uuid?: string;
        page_size?: number;
        cursor?: string;
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  UpdateEnrollment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        course_id: string;
        learner_uuid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @constant */
          status: 'completed';
          /** Format: uuid */
          enterprise_customer_uuid: string;
          /** Format: date-time */
          completed_at?: string;
        };
      };
    };
    responses: {
      /** @description the enrollment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
  ListLearnerEnrollments: {
    parameters: {
      query?: {
        status?: 'enrolled' | 'unenrolled' | 'allowed' | 'completed';
        batch_id?: string;
        page_size?: number;
        cursor?: string;
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
        content?: never;
      };
      /** @description error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            code: string;
            message: string;
            details?: {
              path?: string;
              message?: string;
            }[];
          };
        };
      };
    };
  };
}
