/** `ofsc raw METHOD PATH`: any OFS endpoint, through the same auth, retries and error mapping. */
import { Args, Command, Options } from "@effect/cli"
import { Effect } from "effect"
import { connectionOptions, outputOptions } from "../app/globalOptions.js"

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] as const

/** The `raw` command. */
export const rawCommand = Command.make(
  "raw",
  {
    method: Args.choice(
      methods.map((m) => [m, m] as const),
      { name: "method" }
    ),
    path: Args.text({ name: "path" }).pipe(Args.withDescription("the path, e.g. /rest/ofscCore/v1/whereIsMyTech")),
    query: Options.text("query").pipe(
      Options.withAlias("q"),
      Options.withDescription("a query parameter, name=value (repeat for more)"),
      Options.repeated
    ),
    data: Options.text("data").pipe(
      Options.withDescription("a JSON body: text, @file, or - for stdin"),
      Options.optional
    ),
    connection: connectionOptions,
    output: outputOptions
  },
  ({ method, path, query, data, connection, output }) =>
    Effect.flatMap(
      Effect.promise(() => import("./rawCall.js")),
      ({ rawCall }) => rawCall({ method, path, query, data }, connection, output)
    )
).pipe(Command.withDescription("call any OFS endpoint: ofsc raw GET /rest/ofscCore/v1/..."))
