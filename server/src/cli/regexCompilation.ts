import { setFlagsFromString } from 'node:v8';

/**
 * A command line run executes each of the wording rules' regexes a few times to thousands of
 * times, then exits. V8's default first interprets a regex and compiles it again to machine code
 * on its second run: for the rules' long person patterns that second compilation was the largest
 * part of checking a small file (a 2.8 KB postmortem: 27 ms of analysis with it, 16 ms without,
 * by `node --no-regexp-tier-up`). Compiling each regex once, to machine code, at its first run
 * costs nothing on 5,000 files. Set before any regex runs: V8 reads it when a regex first runs.
 */
export function compileRegexesOnce(): void {
  setFlagsFromString('--no-regexp-tier-up');
}
