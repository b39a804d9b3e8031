/**
 * Runs a plan against the instance the transport points at. Each write goes through the typed
 * client (so bad input is refused before anything is sent); PUTs are idempotent and retried by the
 * transport, POST creates are not resent. A failed item is recorded with OFS's answer and the run
 * goes on: entries run resource by resource in plan order, the items of one resource a few at once.
 */
import type { AnyOperation, BinaryContent, OfscError, OfscTransport } from "@ofsc/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { callOperation } from "./internal/calls.js"
import { writeBody } from "./items.js"
import type { Plan, PlanEntry } from "./Plan.js"
import { type ConfigResource, findResource } from "./resources/catalog.js"
import type { ConfigItem } from "./resources/facts.js"

/** Why an entry failed: OFS's answer (status, detail) or the client's refusal of the input. */
export interface EntryFailure {
  /** The error's tag (`OfscConflict`, `OfscInvalidInput`, ...). */
  readonly error: string
  readonly status?: number | undefined
  /** OFS's `detail`, or the schema issues of refused input. */
  readonly detail?: string | undefined
  readonly message: string
}

/** The outcome of one entry. */
export type EntryResult =
  | { readonly entry: PlanEntry; readonly outcome: "applied" }
  | { readonly entry: PlanEntry; readonly outcome: "failed"; readonly failure: EntryFailure }

/** What an apply did. */
export interface ApplyReport {
  readonly results: ReadonlyArray<EntryResult>
  readonly applied: number
  readonly failed: number
}

/** How to apply. */
export interface ApplyOptions {
  /** Writes of one resource in flight at once (4 by default). */
  readonly concurrency?: number | undefined
}

/** The operation and path values an entry is written with, or undefined when the table has none. */
const writeCall = (
  resource: ConfigResource,
  entry: PlanEntry
): { readonly op: AnyOperation; readonly path: ReadonlyArray<string> } | undefined => {
  const ops = resource.operations
  if (entry.action === "delete") return ops.delete && { op: ops.delete, path: [entry.key] }
  switch (resource.shape.kind) {
    case "items": {
      const op = ops.put ?? (entry.action === "create" ? ops.create : ops.update)
      return op && { op, path: [entry.key] }
    }
    case "document":
      return ops.put && { op: ops.put, path: [] }
    case "perParent":
      return ops.put && { op: ops.put, path: [entry.key] }
    case "files": {
      const op = entry.action === "create" ? ops.create : ops.update
      return op && { op, path: [entry.key.slice(0, entry.key.indexOf("/"))] }
    }
    case "childItems": {
      // an application's API access always exists once the application does: it is only ever changed
      const slash = entry.key.indexOf("/")
      return ops.update && { op: ops.update, path: [entry.key.slice(0, slash), entry.key.slice(slash + 1)] }
    }
  }
}

const failureOf = (error: OfscError): EntryFailure => ({
  error: error._tag,
  status: "status" in error ? error.status : undefined,
  detail:
    "detail" in error && typeof error.detail === "string"
      ? error.detail
      : error._tag === "OfscInvalidInput"
        ? error.message
        : undefined,
  message: error.message
})

/** The bytes of an exported file (its text, or its base64). */
const fileBody = (item: ConfigItem): BinaryContent => ({
  data:
    typeof item.content === "string"
      ? new TextEncoder().encode(item.content)
      : Buffer.from(typeof item.contentBase64 === "string" ? item.contentBase64 : "", "base64"),
  contentType: "application/octet-stream"
})

/** Applies one entry; never fails (a failure becomes the entry's result). */
export const applyEntry = (entry: PlanEntry): Effect.Effect<EntryResult, never, OfscTransport> => {
  const resource = findResource(entry.resource)
  const call = resource === undefined || !resource.written ? undefined : writeCall(resource, entry)
  if (resource === undefined || call === undefined) {
    const message = `${entry.resource} cannot be ${entry.action}d through the API`
    return Effect.succeed({ entry, outcome: "failed", failure: { error: "NotWritable", message } })
  }
  const body =
    entry.action === "delete"
      ? undefined
      : resource.shape.kind === "files"
        ? fileBody(entry.item)
        : writeBody(resource, entry.item)
  return Effect.map(Effect.either(callOperation(call.op, call.path, body)), (result) =>
    Either.isRight(result)
      ? { entry, outcome: "applied" as const }
      : { entry, outcome: "failed" as const, failure: failureOf(result.left) }
  )
}

/** Groups consecutive entries of the same resource and action: the stages apply runs one after another. */
const stages = (entries: ReadonlyArray<PlanEntry>): ReadonlyArray<ReadonlyArray<PlanEntry>> => {
  const out: Array<Array<PlanEntry>> = []
  for (const entry of entries) {
    const last = out[out.length - 1]
    const head = last?.[0]
    if (
      last !== undefined &&
      head !== undefined &&
      head.resource === entry.resource &&
      (head.action === "delete") === (entry.action === "delete")
    )
      last.push(entry)
    else out.push([entry])
  }
  return out
}

/** Applies a plan and reports each entry's outcome. */
export const applyPlan = (plan: Plan, options: ApplyOptions = {}): Effect.Effect<ApplyReport, never, OfscTransport> =>
  Effect.gen(function* () {
    const results: Array<EntryResult> = []
    for (const stage of stages(plan.entries))
      results.push(...(yield* Effect.forEach(stage, applyEntry, { concurrency: options.concurrency ?? 4 })))
    const failed = results.filter((r) => r.outcome === "failed").length
    return { results, applied: results.length - failed, failed }
  })
