/**
 * The work of `ofsc mirror status`: where the mirror is, its runs and why each started, rows per
 * table, deliveries by state and unknown events, read from the database alone (no OFS
 * credentials needed; it works while a mirror runs elsewhere). JSON when piped.
 */
import { type MirrorError, type MirrorStatus, readStatus } from "@ofsc/mirror"
import { Effect, Option } from "effect"
import type { CliError } from "../app/CliError.js"
import { toRow } from "../output/rows.js"
import { stdoutSink } from "../output/Sink.js"
import { renderRecord, renderTable } from "../output/table.js"
import { formatSeconds, lagSeconds } from "./lag.js"
import { existingDatabase, namingDatabase, readLocation } from "./mirrorDatabase.js"

/** The formats `ofsc mirror status` writes. */
export type StatusFormat = "json" | "table"

const count = (n: number) => n.toLocaleString("en-US")

const bold = (text: string, colour: boolean) => (colour ? `\u001b[1m${text}\u001b[22m` : text)

/** The status for a person: the position, then the runs, the tables and the deliveries. */
const statusText = (status: MirrorStatus, lag: number | undefined, colour: boolean): string => {
  const current = status.runs.find((r) => r.runId === status.runId)
  const position = {
    database: status.database,
    phase: status.phase ?? "not started (ofsc mirror run starts it)",
    ...(status.started && {
      run: `${status.runId ?? "-"}${current === undefined ? "" : ` (${current.reason})`}`,
      window: `${status.windowFrom ?? "?"} to ${status.windowTo ?? "?"}`,
      subscription: status.subscriptionId ?? "",
      "events applied": `${count(status.eventsApplied)} in ${count(status.pollsApplied)} polls`,
      "last event":
        status.lastEventAt === undefined ? "none yet" : `${status.lastEventAt} (lag ${formatSeconds(lag ?? 0)})`,
      "last poll":
        status.lastPollAt === undefined
          ? "none yet"
          : `${status.lastPollAt} (${formatSeconds(status.secondsSinceLastPoll ?? 0)} ago)`,
      lease: status.owner === undefined ? "free" : `${status.owner} until ${status.leaseUntil ?? "?"}`
    }),
    "unknown events": count(status.unknownEvents)
  }
  const runs = status.runs.map((r) => ({
    run: String(r.runId),
    reason: r.reason,
    started: r.startedAt,
    loaded: r.loadedAt ?? "",
    ended: r.endedAt ?? "",
    window: `${r.windowFrom} to ${r.windowTo}`,
    "rows loaded": count(r.loadedRows),
    note: r.note ?? ""
  }))
  const tables = status.tables.map((t) => ({ table: t.table, live: count(t.live), deleted: count(t.deleted) }))
  const deliveries = Object.entries(status.deliveries).map(([state, n]) => ({ state, deliveries: count(n) }))
  const section = (title: string, rows: ReadonlyArray<Record<string, string>>, empty: string) =>
    `\n${bold(title, colour)}\n${rows.length === 0 ? `${empty}\n` : renderTable(rows, Object.keys(rows[0] ?? {}), colour)}`
  return [
    renderRecord(toRow(position), colour),
    section("runs", runs, "none"),
    section("tables", tables, "none"),
    section("deliveries", deliveries, "none (no webhook has been given a change)")
  ].join("")
}

/** `ofsc mirror status`. */
export const showStatus = (
  db: string,
  output: Option.Option<StatusFormat>
): Effect.Effect<void, MirrorError | CliError> =>
  Effect.gen(function* () {
    const location = yield* readLocation(db)
    const status = yield* readStatus(location.display).pipe(
      Effect.provide(existingDatabase(location)),
      namingDatabase(location)
    )
    const lag = lagSeconds(status.lastEventAt, Date.now())
    const format = Option.getOrElse(output, (): StatusFormat => (stdoutSink.isTerminal ? "table" : "json"))
    yield* stdoutSink.write(
      format === "json"
        ? // absent values as null, so a script sees every field
          `${JSON.stringify({ ...status, lagSeconds: lag }, (_key, value: unknown) => (value === undefined ? null : value), 2)}\n`
        : statusText(status, lag, stdoutSink.colour)
    )
  })
