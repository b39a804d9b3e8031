/**
 * `Mirror`: a database kept current with an OFS instance. A run subscribes to the events first,
 * loads the snapshot, then applies the events poll by poll, each poll in one transaction with a
 * compare-and-set of the stored cursor; an expired subscription or a cursor OFS refuses starts a
 * new run with a fresh load, recorded in `mirror_runs`. Changes go to the outbox (webhooks) and to
 * in-process subscribers of `changes`.
 */
import { hostname } from "node:os"
import type { HttpClient } from "@effect/platform"
import type { SqlClient, SqlError } from "@effect/sql"
import { OfscCore, type OfscError, type OfscSubscriptionExpired, type OfscTransport } from "@ofsc/core"
import { Context, Duration, Effect, Either, Fiber, Layer, Option, PubSub, Ref, Schedule, Stream } from "effect"
import { type AppliedPoll, applyPoll } from "./apply/applyPoll.js"
import { mirroredEventTypes } from "./apply/eventEffects.js"
import { databaseLayer } from "./database/connect.js"
import { rawEventPolls } from "./load/eventPolls.js"
import { firstLoad, type LoadProgress } from "./load/firstLoad.js"
import { refreshResourceLists } from "./load/refresh.js"
import { MirrorBusy, type MirrorError, MirrorOptionsError } from "./MirrorError.js"
import { type MirrorOptions, type ResolvedMirrorOptions, resolveOptions, scopeOf, windowOf } from "./MirrorOptions.js"
import { anyRunLoaded, type MirrorStatus, readStatus, resourceZones, runReason } from "./MirrorStatus.js"
import type { ChangeRecord } from "./outbox/changes.js"
import { runDispatcher } from "./outbox/dispatcher.js"
import {
  type CursorMoved,
  finishLoad,
  leaseHolder,
  type MirrorPosition,
  readPosition,
  releaseLease,
  startRun,
  takeLease
} from "./state/mirrorState.js"
import type { MirrorEntity, ProjectionContext } from "./tables/tables.js"

/** What a mirror reports as it works (the CLI draws its progress bar and status line from it). */
export type MirrorProgress =
  | { readonly _tag: "Waiting"; readonly owner: string; readonly until: string }
  | {
      readonly _tag: "RunStarted"
      readonly runId: number
      readonly reason: string
      readonly window: { readonly from: string; readonly to: string }
    }
  | { readonly _tag: "Loading"; readonly progress: LoadProgress }
  /** Polls start (again) from this cursor of this subscription. */
  | { readonly _tag: "Following"; readonly subscriptionId: string; readonly cursor: string }
  | { readonly _tag: "Applied"; readonly poll: AppliedPoll }

/** Options of one `run`. */
export interface RunOptions {
  /** Keep polling once caught up (the default); `false` stops after the first poll that brings nothing. */
  readonly follow?: boolean | undefined
  /** Called as the mirror works. */
  readonly onProgress?: ((progress: MirrorProgress) => void) | undefined
}

/** The mirror's service. */
export interface MirrorShape {
  /**
   * Keeps the database current: waits for the lease, loads when needed, then applies polls until
   * interrupted (a poll in hand is finished and committed first) or, with `follow: false`, caught up.
   */
  readonly run: (options?: RunOptions) => Effect.Effect<void, MirrorError | OfscError | SqlError.SqlError>
  /** What the database holds: position, runs, counts per table, deliveries, lag. */
  readonly status: Effect.Effect<MirrorStatus, SqlError.SqlError>
  /** The changes this process applies from now on, in order, as they commit. */
  readonly changes: Stream.Stream<ChangeRecord>
}

/** A database kept current with an OFS instance. */
export class Mirror extends Context.Tag("@ofsc/mirror/Mirror")<Mirror, MirrorShape>() {
  /**
   * The mirror over the OFS client in the context (the `OfscTransport` that `OfscClient.layer`
   * makes) and an HttpClient for webhooks;
   * opens, checks and migrates the database (failing with a MirrorError naming it).
   */
  static readonly layer = (
    options: MirrorOptions
  ): Layer.Layer<Mirror, MirrorError, OfscTransport | HttpClient.HttpClient> =>
    Layer.unwrapEffect(
      Effect.gen(function* () {
        const resolved = yield* Either.match(resolveOptions(options, `${hostname()}:${process.pid}`), {
          onLeft: (e) => Effect.fail(e),
          onRight: (r) => Effect.succeed(r)
        })
        return Layer.scoped(Mirror, make(resolved)).pipe(
          Layer.provide(databaseLayer(resolved.location)),
          Layer.provide(OfscCore.layer)
        )
      })
    )
}

const subscriptionTitle = "ofsc mirror"

const make = (options: ResolvedMirrorOptions) =>
  Effect.gen(function* () {
    const context = yield* Effect.context<SqlClient.SqlClient | OfscCore | OfscTransport | HttpClient.HttpClient>()
    const core = yield* OfscCore
    const hub = yield* PubSub.unbounded<ChangeRecord>()
    const zones = new Map<string, string>()
    const projection: ProjectionContext = {
      zoneOfResource: (id) => zones.get(id),
      defaultZone: options.defaultTimeZone
    }
    const noteResourceZone = (id: string, zone: string | undefined) => {
      if (zone === undefined) zones.delete(id)
      else zones.set(id, zone)
    }
    const endpointsFor = (entity: MirrorEntity) =>
      options.webhooks.filter((w) => w.entities === undefined || w.entities.includes(entity)).map((w) => w.name)

    /** Subscribes (or finds the same subscription again) and records a new run at its start. */
    const newRun = (reason: string, note?: string) =>
      Effect.gen(function* () {
        const window = windowOf(options, new Date())
        const created = yield* core.events.subscriptions.create({
          subscriptionTitle,
          subscriptionConfig: [{ events: [...mirroredEventTypes] }]
        })
        return yield* startRun({
          reason,
          subscriptionId: String(created.subscriptionId),
          cursor: created.nextPage ?? "lastRequested",
          windowFrom: window.from,
          windowTo: window.to,
          owner: options.owner,
          leaseTtlMs: options.leaseTtlMs,
          note
        })
      })

    /** Loads the snapshot of the stored run and starts following its events. */
    const load = (position: MirrorPosition, report: (p: MirrorProgress) => void) =>
      Effect.gen(function* () {
        // the first load that completes is the baseline; a later one (after a gap) records what differs
        const first = !(yield* anyRunLoaded)
        const scope = scopeOf(options, { from: position.windowFrom, to: position.windowTo })
        const rows = yield* firstLoad({
          position,
          scope,
          projection,
          recordChanges: !first,
          endpointsFor,
          noteResourceZone,
          onProgress: (progress) => report({ _tag: "Loading", progress }),
          pageSize: options.pageSize
        })
        yield* finishLoad(position.runId, rows)
        return Option.getOrThrow(yield* readPosition)
      })

    /** Waits until the lease is ours. */
    const acquire = (report: (p: MirrorProgress) => void) =>
      Effect.gen(function* () {
        let told = false
        while (true) {
          const position = yield* readPosition
          if (Option.isNone(position)) return position
          if (yield* takeLease(options.owner, options.leaseTtlMs)) return yield* readPosition
          const holder = leaseHolder(position.value, options.owner, new Date())
          if (holder !== undefined && !told) {
            told = true
            report({ _tag: "Waiting", owner: holder.owner, until: holder.until })
          }
          yield* Effect.sleep("1 second")
        }
      })

    /** Keeps the lease alive while a long load runs. */
    const renewLease = takeLease(options.owner, options.leaseTtlMs).pipe(
      Effect.flatMap((held) =>
        held
          ? Effect.void
          : Effect.fail(new MirrorBusy({ database: options.location.display, owner: "another mirror", until: "" }))
      ),
      Effect.repeat(Schedule.spaced(Duration.millis(Math.max(200, options.leaseTtlMs / 3)))),
      Effect.asVoid
    )

    const run = (runOptions?: RunOptions) =>
      Effect.gen(function* () {
        const report = runOptions?.onProgress ?? (() => {})
        const follow = runOptions?.follow ?? true
        const stored = yield* acquire(report)
        const window = windowOf(options, new Date())
        let position: MirrorPosition
        if (Option.isNone(stored)) {
          position = yield* newRun("first load")
        } else if (stored.value.windowFrom !== window.from || stored.value.windowTo !== window.to) {
          position = yield* newRun("window", `window ${window.from}..${window.to}`)
        } else position = stored.value
        for (const z of yield* resourceZones) noteResourceZone(z.resourceId, z.zone)
        const ref = yield* Ref.make(position)
        const dispatcher =
          options.webhooks.length > 0 ? yield* Effect.fork(runDispatcher({ endpoints: options.webhooks })) : undefined
        const refresher = yield* Effect.fork(
          Effect.repeat(
            Effect.delay(
              Effect.flatMap(Ref.get(ref), (p) =>
                p.phase === "following"
                  ? refreshResourceLists({
                      position: p,
                      scope: scopeOf(options, { from: p.windowFrom, to: p.windowTo }),
                      projection,
                      endpointsFor
                    })
                  : Effect.void
              ),
              options.refreshInterval
            ),
            Schedule.forever
          ).pipe(Effect.ignoreLogged)
        )
        const loop: Effect.Effect<
          void,
          MirrorError | OfscError | SqlError.SqlError | OfscSubscriptionExpired | CursorMoved,
          SqlClient.SqlClient | OfscCore | OfscTransport
        > = Effect.gen(function* () {
          let current = yield* Ref.get(ref)
          if (current.phase === "loading") {
            report({
              _tag: "RunStarted",
              runId: current.runId,
              reason: yield* runReason(current.runId),
              window: { from: current.windowFrom, to: current.windowTo }
            })
            current = yield* Effect.raceFirst(load(current, report), Effect.zipRight(renewLease, Effect.never))
            yield* Ref.set(ref, current)
          }
          report({ _tag: "Following", subscriptionId: current.subscriptionId, cursor: current.cursor })
          const polls = rawEventPolls(current.subscriptionId, {
            from: current.cursor,
            follow,
            pollInterval: options.pollInterval
          })
          yield* Stream.runForEach(polls, (poll) =>
            Effect.uninterruptible(
              Effect.gen(function* () {
                const before = yield* Ref.get(ref)
                const scope = scopeOf(options, { from: before.windowFrom, to: before.windowTo })
                const applied = yield* applyPoll(poll, before, {
                  owner: options.owner,
                  leaseTtlMs: options.leaseTtlMs,
                  scope,
                  projection,
                  endpointsFor,
                  noteResourceZone
                })
                yield* Ref.set(ref, applied.position)
                yield* PubSub.publishAll(hub, applied.changes)
                report({ _tag: "Applied", poll: applied })
              })
            )
          )
        })
        const restartOnGap: Effect.Effect<
          void,
          MirrorError | OfscError | SqlError.SqlError,
          SqlClient.SqlClient | OfscCore | OfscTransport
        > = loop.pipe(
          Effect.catchTags({
            OfscSubscriptionExpired: () =>
              Effect.zipRight(
                Effect.flatMap(newRun("subscription expired", "OFS no longer knows the subscription"), (p) =>
                  Ref.set(ref, p)
                ),
                Effect.suspend(() => restartOnGap)
              ),
            OfscBadRequest: (e) =>
              Effect.zipRight(
                Effect.flatMap(newRun("cursor refused", `OFS refused the stored cursor: ${e.message}`), (p) =>
                  Ref.set(ref, p)
                ),
                Effect.suspend(() => restartOnGap)
              ),
            CursorMoved: () =>
              // someone else applied this poll: read the position again (the lease says whether to go on)
              Effect.zipRight(
                Effect.flatMap(acquire(report), (p) => Ref.set(ref, Option.getOrThrow(p))),
                Effect.suspend(() => restartOnGap)
              )
          })
        )
        yield* restartOnGap.pipe(
          Effect.ensuring(
            Effect.all([
              dispatcher === undefined ? Effect.void : Fiber.interrupt(dispatcher),
              Fiber.interrupt(refresher),
              Effect.ignore(releaseLease(options.owner))
            ])
          )
        )
      }).pipe(Effect.provide(context))

    return Mirror.of({
      run: (o) => Effect.provide(run(o), context),
      status: Effect.provide(readStatus(options.location.display), context),
      changes: Stream.fromPubSub(hub)
    })
  })

export { MirrorOptionsError }
