/** The e2e stack's CSV import limit (bytes), far below production's 100 MiB, set by the global setup. */
export const E2E_MAX_IMPORT_BYTES = 256 * 1024;

/** The e2e stack's largest export answered in the response (production: 10,000), so a small group proves the job path. */
export const E2E_MAX_SYNC_EXPORT = 5;

/** The e2e stack's longest pause between two webhook attempts (production: 900 s), so a receiver back up is reached soon. */
export const E2E_WEBHOOK_RETRY_CAP_SECONDS = 4;
