/**
 * `node:fs` for the browser build (esbuild.mjs aliases it here). A web extension has no file
 * system of its own, so no `.postmortemrc.json` is ever found: existsSync answers false, and
 * reading throws a message that says why.
 */
const NO_FILE_SYSTEM = 'Postmortem: files are not read in the browser; the postmortem.* settings apply instead of .postmortemrc.json.';

export function existsSync(): boolean {
  return false;
}

export function readFileSync(): never {
  throw new Error(NO_FILE_SYSTEM);
}

export function statSync(): never {
  throw new Error(NO_FILE_SYSTEM);
}
