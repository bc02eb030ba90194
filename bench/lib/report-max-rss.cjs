// Preloaded with `node --require` into a process the bench measures: on exit, writes the
// process's peak resident set size (in bytes) to the file named by POSTMORTEM_BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.POSTMORTEM_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
