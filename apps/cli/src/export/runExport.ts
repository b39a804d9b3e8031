/**
 * Runs an export: streams each segment (a date window, or the whole list) page by page into the
 * file, saving a checkpoint after every page. A Ctrl-C or a failure leaves the file holding
 * exactly the checkpointed items (a JSON array is closed); `--resume` continues from there.
 */
import { type AnyOperation, type OfscError, type OfscTransport, Paging } from "@ofsc/core"
import { Chunk, Effect, Exit, Schedule, Stream } from "effect"
import { type CliError, usage } from "../app/CliError.js"
import { listWriter } from "../output/ListWriter.js"
import { type Checkpoint, readCheckpoint, removeCheckpoint, writeCheckpoint } from "./Checkpoint.js"
import { openExportFile } from "./ExportFile.js"
import { makeProgress, type ProgressMode } from "./Progress.js"

/** The file formats an export writes. */
export const exportFormats = ["ndjson", "csv", "json"] as const

/** One of {@link exportFormats}. */
export type ExportFormat = (typeof exportFormats)[number]

/** What to export, and where. */
export interface ExportPlan {
  readonly what: string
  readonly op: AnyOperation
  /** The input of each segment, streamed one after the other. */
  readonly segments: ReadonlyArray<unknown>
  readonly out: string
  readonly format: ExportFormat
  readonly fields: ReadonlyArray<string> | undefined
  readonly resume: boolean
  readonly pageSize: number | undefined
  readonly concurrency: number
  readonly progress: ProgressMode
  /** The share done and a label, from the segment and the last item written, when it can be told. */
  readonly position?:
    | ((segment: number, last: unknown) => { readonly fraction: number; readonly label: string })
    | undefined
}

/** Retries a failed page a few more times after the transport's own retries, from where it stopped. */
const again = Schedule.spaced("2 seconds").pipe(Schedule.intersect(Schedule.recurs(3)))

const startingPoint = (plan: ExportPlan): Effect.Effect<Checkpoint, CliError> => {
  const fresh: Checkpoint = {
    version: 1,
    operation: plan.op.id,
    segments: plan.segments,
    format: plan.format,
    segment: 0,
    offset: 0,
    items: 0,
    bytes: 0,
    pages: 0
  }
  if (!plan.resume) return Effect.succeed(fresh)
  return Effect.flatMap(readCheckpoint(plan.out), (saved) =>
    saved.operation !== plan.op.id ||
    saved.format !== plan.format ||
    JSON.stringify(saved.segments) !== JSON.stringify(plan.segments)
      ? Effect.fail(
          usage(
            `${plan.out}: the checkpoint is of another export (${saved.operation}, ${saved.format}); repeat that command with --resume`
          )
        )
      : Effect.succeed(saved)
  )
}

/** Runs the export; the items written and the seconds it took. */
export const runExport = (plan: ExportPlan): Effect.Effect<void, OfscError | CliError, OfscTransport> =>
  Effect.scoped(
    Effect.gen(function* () {
      let state = yield* startingPoint(plan)
      const file = yield* openExportFile(plan.out, plan.resume ? state.bytes : undefined)
      const writer = listWriter(file, {
        format: plan.format,
        fields: plan.fields,
        columns: state.columns,
        continuing: state.bytes > 0
      })
      const progress = makeProgress(plan.progress, `exporting ${plan.what}`, state.items)
      const started = Date.now()
      const startItems = state.items
      const save = (next: Checkpoint) =>
        Effect.zipRight(
          writeCheckpoint(plan.out, next),
          Effect.sync(() => {
            state = next
          })
        )
      const exportSegment = (segment: number) => {
        const start = segment === state.segment ? state.offset : 0
        const items = Paging.resumable(
          (from) =>
            Paging.stream(plan.op, plan.segments[segment] as never, {
              pageSize: plan.pageSize,
              concurrency: plan.concurrency,
              from: from ?? start
            }),
          again
        )
        return Stream.runForEachChunk(items, (chunk) =>
          // a page is written and checkpointed whole: a Ctrl-C waits for it, so file and checkpoint agree
          Effect.uninterruptible(
            Effect.gen(function* () {
              yield* writer.write(Chunk.toReadonlyArray(chunk))
              const columns = writer.columns?.()
              yield* save({
                ...state,
                segment,
                offset: state.segment === segment ? state.offset + chunk.length : chunk.length,
                items: state.items + chunk.length,
                pages: state.pages + 1,
                bytes: file.length(),
                ...(columns === undefined ? {} : { columns })
              })
            })
          ).pipe(
            Effect.zipRight(
              Effect.suspend(() =>
                progress.update({
                  items: state.items,
                  pages: state.pages,
                  ...plan.position?.(
                    segment,
                    Chunk.last(chunk).pipe((o) => (o._tag === "Some" ? o.value : undefined))
                  )
                })
              )
            )
          )
        ).pipe(Effect.zipRight(Effect.suspend(() => save({ ...state, segment: segment + 1, offset: 0 }))))
      }
      const work = Effect.gen(function* () {
        for (let segment = state.segment; segment < plan.segments.length; segment++) yield* exportSegment(segment)
        yield* writer.end
        yield* removeCheckpoint(plan.out)
      })
      yield* work.pipe(
        Effect.onExit((exit) => {
          const seconds = (Date.now() - started) / 1000
          const rate = Math.round((state.items - startItems) / Math.max(seconds, 0.001))
          if (Exit.isSuccess(exit)) {
            return progress.finish(
              `exported ${state.items.toLocaleString("en-US")} ${plan.what} to ${plan.out} in ${seconds.toFixed(1)}s (${rate.toLocaleString("en-US")} items/s)`
            )
          }
          // the file keeps exactly the checkpointed items; a JSON array is closed so the file parses
          const closing = plan.format === "json" ? file.write(state.bytes > 0 ? "\n]\n" : "[]\n") : Effect.void
          return Effect.zipRight(
            Effect.ignore(Effect.zipRight(file.truncate(state.bytes), closing)),
            progress.finish(
              `stopped after ${state.items.toLocaleString("en-US")} ${plan.what}: ${plan.out} holds them; the same command with --resume continues`
            )
          )
        })
      )
    })
  )
