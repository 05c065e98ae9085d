/**
 * Packages the capture function ships as files next to its bundle instead of bundling them: @sparticuz/chromium
 * finds its Brotli binaries relative to its own module (its README: "must be marked as external"), and
 * playwright-core with it (it reads its own files at run time; unbundled it is exactly the tested package).
 * A module of its own (no CDK imports) so the benchmarks can bundle the capture function the same way.
 */
export const CAPTURE_SHIPPED_MODULES = ['@sparticuz/chromium', 'playwright-core'] as const;
