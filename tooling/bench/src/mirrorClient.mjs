// The mirror side of mirror.bench.ts, in plain JavaScript so that its memory is the mirror's own (no
// TypeScript loader): one job per process over @ofsc/mirror's built package, reported over IPC.
//
// - `run` (argv[2].follow false): `mirror.run({ follow: false })` on the database, a first load when
//   it is empty, else the events since its cursor; reports the run's time, when each load step
//   started and ended, the events applied, and the process's peak RSS.
// - `follow`: `mirror.run({ follow: true })` until the bench process says `stop`; after each applied
//   poll it sends the commit time and the numbers of the writes to activities the poll changed
//   (customer names `lag <job.marker> <n>`), so the bench process can pair each with
//   the time its write returned.

import { OfscClient, OfscHttpClient } from "@ofsc/core"
import { Mirror } from "@ofsc/mirror"
import * as Fiber from "effect/Fiber"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"

const job = JSON.parse(process.argv[2])

// the OFS client, as a user gives it to Mirror.layer
const ofs = OfscClient.layer({
  baseUrl: job.url,
  instance: job.instance,
  credentials: { _tag: "Basic", clientId: job.clientId, clientSecret: Redacted.make(job.clientSecret) }
}).pipe(Layer.provide(OfscHttpClient.layerUndici))
const runtime = ManagedRuntime.make(
  Mirror.layer({
    database: job.database,
    window: job.window,
    entities: job.entities,
    pollInterval: job.pollInterval
  }).pipe(Layer.provide(Layer.merge(ofs, OfscHttpClient.layerUndici)))
)
/** This process's CPU time so far (user + system), in ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

// load steps: the first and last time each was reported (ms since the run started), rows and CPU then
const steps = {}
let polls = 0
let rereads = 0
let unknownEvents = 0
let loaded = { rows: 0, activities: 0 }
let started = 0
const marker = new RegExp(`^lag ${job.marker ?? ""} (\\d+)$`)

const onProgress = (progress) => {
  const at = performance.now() - started
  if (progress._tag === "Loading") {
    const p = progress.progress
    const cpu = cpuMs()
    steps[p.step] ??= { first: at, firstRows: p.rows, firstCpu: cpu }
    const step = steps[p.step]
    step.last = at
    step.rows = p.rows
    step.lastCpu = cpu
    loaded = { rows: p.rows, activities: p.activities }
  } else if (progress._tag === "Applied") {
    polls++
    rereads += progress.poll.rereads
    unknownEvents += progress.poll.unknownEvents
    if (job.follow) {
      const seqs = []
      for (const change of progress.poll.changes) {
        const name = change.entity === "activity" ? change.data?.customerName : undefined
        const found = typeof name === "string" ? marker.exec(name) : null
        if (found !== null) seqs.push(Number(found[1]))
      }
      process.send({ type: "applied", at: Date.now(), events: progress.poll.position.eventsApplied, seqs })
    }
  }
}

// the memory at the peak, split as Node reports it (what grows the peak: heap or buffers)
let atPeak = process.memoryUsage()
const sampler = setInterval(() => {
  const now = process.memoryUsage()
  if (now.rss > atPeak.rss) atPeak = now
}, 20)

const main = async () => {
  const mirror = await runtime.runPromise(Mirror)
  const eventsBefore = (await runtime.runPromise(mirror.status)).eventsApplied
  const finish = async () => {
    const seconds = (performance.now() - started) / 1000
    const cpuSeconds = (cpuMs() - cpuAtStart) / 1000
    const status = await runtime.runPromise(mirror.status)
    const rows = Object.fromEntries(status.tables.map((t) => [t.table, t.live]))
    await runtime.dispose()
    clearInterval(sampler)
    process.send({
      type: "done",
      seconds,
      cpuSeconds,
      steps,
      loaded,
      polls,
      rereads,
      unknownEvents,
      events: status.eventsApplied - eventsBefore,
      rows,
      // kilobytes, as Node reports it
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      atPeak: {
        heapUsed: atPeak.heapUsed,
        heapTotal: atPeak.heapTotal,
        external: atPeak.external,
        arrayBuffers: atPeak.arrayBuffers
      }
    })
    process.disconnect()
  }
  started = performance.now()
  const cpuAtStart = cpuMs()
  if (job.follow) {
    const fiber = runtime.runFork(mirror.run({ follow: true, onProgress }))
    process.on("message", (message) => {
      if (message === "stop") void runtime.runPromise(Fiber.interrupt(fiber)).then(finish)
    })
  } else {
    await runtime.runPromise(mirror.run({ follow: false, onProgress }))
    await finish()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
