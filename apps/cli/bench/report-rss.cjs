// Preloaded by cold-start.mjs into each measured process: writes its peak RSS (KB) to fd 3 at exit.
const { writeSync } = require("node:fs")

process.on("exit", () => {
  try {
    writeSync(3, String(process.resourceUsage().maxRSS))
  } catch {
    // not run by the bench (no fd 3): nothing to report
  }
})
