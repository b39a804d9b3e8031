/** What a mirror keeps, where, and where it forwards changes: the options of `Mirror.layer`. */
import { LocalTime } from "@ofsc/core"
import { Duration, Either } from "effect"
import type { MirrorScope } from "./apply/scope.js"
import { type DatabaseLocation, parseDatabaseLocation } from "./database/location.js"
import { MirrorOptionsError } from "./MirrorError.js"
import type { WebhookEndpoint } from "./outbox/webhooks.js"

/** The entities a mirror can keep; all by default. */
export const mirrorEntities = [
  "activities",
  "activityInventories",
  "activityLinks",
  "resources",
  "resourceInventories",
  "users",
  "workSkills",
  "workZones",
  "workSchedules"
] as const

/** One of {@link mirrorEntities}. */
export type MirrorEntityName = (typeof mirrorEntities)[number]

/** The options of a mirror. */
export interface MirrorOptions {
  /** A SQLite file (`ofsc-mirror.db`, `sqlite:path`) or a Postgres URL (`postgres://user:pass@host/db`). */
  readonly database: string
  /**
   * The activity dates kept, both ends included (`YYYY-MM-DD`). Without it, a rolling window from 7
   * days before today to 30 days after (UTC), fixed when a run starts.
   */
  readonly window?: { readonly from: string; readonly to: string } | undefined
  /** The entities kept; all of {@link mirrorEntities} by default. */
  readonly entities?: ReadonlyArray<MirrorEntityName> | undefined
  /** Endpoints every change is forwarded to, signed as Standard Webhooks. */
  readonly webhooks?: ReadonlyArray<WebhookEndpoint> | undefined
  /** How long to wait between polls once caught up (10 seconds by default). */
  readonly pollInterval?: Duration.DurationInput | undefined
  /** How often work skills, zones and schedules are read again (OFS publishes no event for schedules): hourly by default. */
  readonly refreshInterval?: Duration.DurationInput | undefined
  /** The zone of activities whose resource names none (`America/New_York` by default). */
  readonly defaultTimeZone?: string | undefined
  /** This process's name in the lease (`host:pid` by default). */
  readonly owner?: string | undefined
  /** How long a lease lasts without renewal: a killed mirror's database is free again after it (15 seconds by default, at least three poll intervals). */
  readonly leaseTtl?: Duration.DurationInput | undefined
  /** Activities per page of the load (2,000 by default). */
  readonly pageSize?: number | undefined
}

/** The options, checked and with defaults filled in. */
export interface ResolvedMirrorOptions {
  readonly location: DatabaseLocation
  readonly fixedWindow: { readonly from: string; readonly to: string } | undefined
  readonly entities: ReadonlySet<MirrorEntityName>
  readonly webhooks: ReadonlyArray<WebhookEndpoint>
  readonly pollInterval: Duration.Duration
  readonly refreshInterval: Duration.Duration
  readonly defaultTimeZone: string
  readonly owner: string
  readonly leaseTtlMs: number
  readonly pageSize: number
}

const isDate = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text

/** Checks the options; every problem is a MirrorOptionsError naming it. */
export const resolveOptions = (
  options: MirrorOptions,
  defaultOwner: string
): Either.Either<ResolvedMirrorOptions, MirrorOptionsError> =>
  Either.gen(function* () {
    const location = yield* parseDatabaseLocation(options.database)
    const fail = (reason: string) => Either.left(new MirrorOptionsError({ reason }))
    if (options.window !== undefined) {
      const { from, to } = options.window
      if (!isDate(from) || !isDate(to)) return yield* fail("the window's dates must be YYYY-MM-DD")
      if (to < from) return yield* fail("the window ends before it starts")
    }
    const entities = new Set(options.entities ?? mirrorEntities)
    for (const e of entities) if (!mirrorEntities.includes(e)) return yield* fail(`unknown entity ${String(e)}`)
    if (entities.size === 0) return yield* fail("no entity to keep")
    const names = new Set<string>()
    for (const w of options.webhooks ?? []) {
      if (names.has(w.name)) return yield* fail(`two webhook endpoints are named ${w.name}`)
      names.add(w.name)
      if (!/^https?:\/\//.test(w.url)) return yield* fail(`webhook ${w.name}: the URL must be http(s)`)
    }
    const zone = options.defaultTimeZone ?? "America/New_York"
    if (!LocalTime.isTimeZone(zone)) return yield* fail(`unknown time zone ${zone}`)
    const pageSize = options.pageSize ?? 2000
    if (!Number.isInteger(pageSize) || pageSize < 1) return yield* fail("pageSize must be a positive integer")
    return {
      location,
      fixedWindow: options.window,
      entities,
      webhooks: options.webhooks ?? [],
      pollInterval: Duration.decode(options.pollInterval ?? "10 seconds"),
      refreshInterval: Duration.decode(options.refreshInterval ?? "1 hour"),
      defaultTimeZone: zone,
      owner: options.owner ?? defaultOwner,
      // a lease outlives three polls' waits, so a quiet mirror never loses it between polls
      leaseTtlMs: Math.max(
        Duration.toMillis(Duration.decode(options.leaseTtl ?? "15 seconds")),
        3 * Duration.toMillis(Duration.decode(options.pollInterval ?? "10 seconds"))
      ),
      pageSize
    }
  })

/** The window a run keeps: the fixed one, or the rolling one from today. */
export const windowOf = (options: ResolvedMirrorOptions, now: Date): { readonly from: string; readonly to: string } => {
  if (options.fixedWindow !== undefined) return options.fixedWindow
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10)
  return { from: day(-7), to: day(30) }
}

/** The scope of a run: its window and the entities kept. */
export const scopeOf = (
  options: ResolvedMirrorOptions,
  window: { readonly from: string; readonly to: string }
): MirrorScope => {
  const has = (e: MirrorEntityName) => options.entities.has(e)
  return {
    windowFrom: window.from,
    windowTo: window.to,
    activities: has("activities"),
    activityInventories: has("activities") && has("activityInventories"),
    activityLinks: has("activities") && has("activityLinks"),
    resources: has("resources"),
    resourceInventories: has("resourceInventories"),
    users: has("users"),
    workSkills: has("workSkills"),
    workZones: has("workZones"),
    workSchedules: has("workSchedules")
  }
}
