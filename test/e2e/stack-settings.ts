/** The e2e stack's CSV import limit (bytes), far below production's 100 MiB, set by the global setup. */
export const E2E_MAX_IMPORT_BYTES = 256 * 1024;
