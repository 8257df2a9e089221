import { PACKAGE_JSON } from '../../core/package-root.js';

/** parley's version, from its package.json, so `--version` and JSON output never drift from the release. */
export const PARLEY_VERSION: string = PACKAGE_JSON.version;
