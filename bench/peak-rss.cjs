// Preloaded into the processes the bench measures (node --require bench/peak-rss.cjs ...): prints the process's peak
// resident memory on exit, on stderr, as `peak-rss-kb N` (the bench reads it back).
process.on('exit', () => { process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`); });
