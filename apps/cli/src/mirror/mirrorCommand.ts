/**
 * `ofsc mirror run|status|deliveries`: a database (SQLite or Postgres) kept current with OFS, by
 * @ofsc/mirror. The flags live here; the work, and @ofsc/mirror with it, is imported only when
 * one of the commands runs.
 */
import { Command, Options } from "@effect/cli"
import { Effect } from "effect"
import { connectionOptions, outputOptions } from "../app/globalOptions.js"
import type { AnyCommand } from "../operations/commandTree.js"

const db = Options.text("db").pipe(
  Options.withDescription(
    "the mirror's database: a SQLite file, or postgres://user@host/db (a password may be in the URL or in PGPASSWORD; it is never shown)"
  ),
  Options.withDefault("ofsc-mirror.db")
)

const verbose = outputOptions.verbose

const runCommand = Command.make(
  "run",
  {
    db,
    from: Options.text("from").pipe(
      Options.withDescription(
        "first activity date kept, YYYY-MM-DD, with --to (default: a rolling window, 7 days ago to 30 days ahead, fixed as each run starts)"
      ),
      Options.optional
    ),
    to: Options.text("to").pipe(Options.withDescription("last activity date kept, YYYY-MM-DD"), Options.optional),
    entities: Options.text("entities").pipe(
      Options.withDescription("comma-separated entities to keep, e.g. activities,resources (default: all)"),
      Options.optional
    ),
    webhook: Options.text("webhook").pipe(
      Options.withDescription(
        "name=https://...: send each change to this endpoint, signed (Standard Webhooks); repeatable"
      ),
      Options.repeated
    ),
    webhookSecretEnv: Options.text("webhook-secret-env").pipe(
      Options.withDescription(
        "the environment variable holding the webhooks' signing secret (default OFSC_WEBHOOK_SECRET), or name=VAR for one endpoint; never the secret itself"
      ),
      Options.repeated
    ),
    pollInterval: Options.float("poll-interval").pipe(
      Options.withDescription("seconds between polls once caught up"),
      Options.withDefault(10)
    ),
    once: Options.boolean("once").pipe(
      Options.withDescription("load if needed, apply events until caught up, and stop")
    ),
    connection: connectionOptions,
    verbose
  },
  ({ connection, verbose: _verbose, ...flags }) =>
    Effect.flatMap(
      Effect.promise(() => import("./runMirror.js")),
      (m) => m.runMirror(flags, connection)
    )
).pipe(
  Command.withDescription(
    "keep the database current: load it, then apply OFS events as they come until Ctrl-C (which stops cleanly, exit 0)"
  )
)

const statusCommand = Command.make(
  "status",
  {
    db,
    output: Options.choice("output", ["json", "table"] as const).pipe(
      Options.withAlias("o"),
      Options.withDescription("table or JSON (default: a table on a terminal, JSON when piped)"),
      Options.optional
    ),
    verbose
  },
  ({ db, output }) =>
    Effect.flatMap(
      Effect.promise(() => import("./showStatus.js")),
      (m) => m.showStatus(db, output)
    )
).pipe(
  Command.withDescription(
    "where the mirror is: phase, window, lag, runs, rows per table, deliveries (from the database alone, no OFS credentials)"
  )
)

const listCommand = Command.make(
  "list",
  {
    db,
    state: Options.choice("state", ["pending", "delivered", "dead"] as const).pipe(
      Options.withDescription("only deliveries in this state"),
      Options.optional
    ),
    endpoint: Options.text("endpoint").pipe(Options.withDescription("only this webhook endpoint's"), Options.optional),
    limit: Options.integer("limit").pipe(
      Options.withDescription("at most this many, newest first"),
      Options.withDefault(50)
    ),
    output: outputOptions.output,
    verbose
  },
  ({ verbose: _verbose, ...flags }) =>
    Effect.flatMap(
      Effect.promise(() => import("./deliveries.js")),
      (m) => m.listMirrorDeliveries(flags)
    )
).pipe(Command.withDescription("the webhook deliveries, newest first"))

const retryCommand = Command.make(
  "retry",
  {
    db,
    // text, not Options.integer: @effect/cli 0.77 refuses every value of a repeated integer option
    id: Options.text("id").pipe(
      Options.withDescription("this delivery id (repeatable, or comma-separated), whatever its state unless --dead"),
      Options.repeated
    ),
    dead: Options.boolean("dead").pipe(Options.withDescription("the dead deliveries (the default without --id)")),
    verbose
  },
  ({ verbose: _verbose, ...flags }) =>
    Effect.flatMap(
      Effect.promise(() => import("./deliveries.js")),
      (m) => m.retryMirrorDeliveries(flags)
    )
).pipe(Command.withDescription("make deliveries pending again; the running mirror with their endpoint sends them"))

const deliveriesCommand = Command.make("deliveries").pipe(
  Command.withDescription("the webhook outbox: list deliveries, retry dead ones"),
  Command.withSubcommands([listCommand, retryCommand])
)

/** The `mirror` command. */
export const mirrorCommand: AnyCommand = Command.make("mirror").pipe(
  Command.withDescription("keep a database (SQLite or Postgres) current with OFS: run, status, deliveries"),
  Command.withSubcommands([runCommand, statusCommand, deliveriesCommand])
)
