// Opens many sync streams, pulls each once and drops it, then reports how much the process grew.
// Run with --expose-gc; one JSON argument: { dist, options, count, method, args, yieldEvery, diagnostics, returnEach, workerGc }
// (workerGc needs OFSC_SYNC_TEST_HOOKS=1).
// It collects garbage every 50 streams; `yieldEvery: 0` never yields to the event loop (a fully
// synchronous script, whose finalizers never run); otherwise it waits a tick every that many
// streams, as a script with callbacks or timers does.
const config = JSON.parse(process.argv[2])
const { createOfscSync } = await import(config.dist)
const ofs = createOfscSync(config.options)
const resolve = (path) => path.split(".").reduce((target, key) => target[key], ofs)
const open = resolve(config.method)
const tick = () => new Promise((r) => setImmediate(r))
const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    globalThis.gc()
    await tick()
    await new Promise((r) => setTimeout(r, 50))
  }
  // one round trip, so any releases posted by finalizers have been read by the worker
  ofs.ping()
  await new Promise((r) => setTimeout(r, 200))
  globalThis.gc()
  // what the worker still holds, not what its collector has yet to get to
  if (config.workerGc) ofs.drill.gc()
}
const diagnostics = () => (config.diagnostics ? ofs.diagnostics() : undefined)

const abandon = async (count) => {
  for (let i = 0; i < count; i++) {
    const stream = open(...config.args)
    stream.next()
    if (config.returnEach) stream.return()
    if (i % 50 === 49) {
      // collect as a busy script would; whether the finalizers then run depends on yielding
      globalThis.gc()
      if (config.yieldEvery > 0 && i % config.yieldEvery === config.yieldEvery - 1) await tick()
    }
  }
}

// warm up: the worker, its runtime and the first pages cost what they cost once
await abandon(config.warmup ?? 50)
await settle()
const before = process.memoryUsage().rss
const callerBefore = process.memoryUsage()
const atStart = diagnostics()
await abandon(config.count)
const peak = process.memoryUsage().rss
const afterLoop = diagnostics()
await settle()
const after = process.memoryUsage().rss
const callerAfter = process.memoryUsage()
const atEnd = diagnostics()
ofs.close()
console.log(
  JSON.stringify({
    count: config.count,
    beforeMb: mb(before),
    peakMb: mb(peak),
    afterMb: mb(after),
    growthMb: mb(after - before),
    peakGrowthMb: mb(peak - before),
    callerHeapGrowthMb: mb(callerAfter.heapUsed - callerBefore.heapUsed),
    callerExternalGrowthMb: mb(callerAfter.external - callerBefore.external),
    atStart,
    afterLoop,
    atEnd
  })
)
