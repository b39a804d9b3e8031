/**
 * One operation as a command: its input as arguments and flags (see operationInput.ts), `--data`
 * for a body (`--content-type` for bytes), `--all` and `--concurrency` for lists that page.
 */
import { Command, Options } from "@effect/cli"
import type { AnyOperation } from "@ofsc/core"
import { Effect, Option } from "effect"
import { connectionOptions, outputOptions } from "../app/globalOptions.js"
import { takesIdempotencyKey } from "./idempotencyKey.js"
import { kebab } from "./modules.js"
import { inputOptions } from "./operationInput.js"

/** The command for one operation; its name is the last id segment in kebab case. */
export const operationCommand = (op: AnyOperation) => {
  const name = kebab(op.id.split(".").at(-1) ?? op.id)
  const input = inputOptions(op)
  const paged = op.paging === "offset-limit"
  const config = {
    ...input.config,
    connection: connectionOptions,
    output: outputOptions,
    all: paged
      ? Options.boolean("all").pipe(Options.withDescription("stream every page, not just the first"))
      : Options.none,
    concurrency: paged
      ? Options.integer("concurrency").pipe(
          Options.withDescription("pages in flight at once with --all"),
          Options.withDefault(1)
        )
      : Options.none,
    data:
      op.body.kind === "none"
        ? Options.none
        : Options.text("data").pipe(
            Options.withDescription("the body: JSON text, @file, or - for stdin"),
            Options.optional
          ),
    idempotencyKey: takesIdempotencyKey(op)
      ? Options.text("idempotency-key").pipe(
          Options.withDescription(
            "a key unique to this create, written to apptNumber: after a lost answer the activity is looked up by it instead of created twice"
          ),
          Options.optional
        )
      : Options.none,
    contentType:
      op.body.kind === "octet-stream"
        ? Options.text("content-type").pipe(
            Options.withDescription("media type of the bytes sent (default: from the file name)"),
            Options.optional
          )
        : Options.none
  }
  return Command.make(name, config, (values) => {
    const parts = input.toInput(values, values.output.fields)
    const data = values.data as Option.Option<string> | undefined
    const contentType = values.contentType as Option.Option<string> | undefined
    const idempotencyKey = values.idempotencyKey as Option.Option<string> | undefined
    // the client (and with it @ofsc/core) loads only when a command runs, not for --help
    return Effect.flatMap(
      Effect.promise(() => import("./invoke.js")),
      ({ invoke }) =>
        invoke(
          op,
          {
            ...parts,
            data: data === undefined ? undefined : Option.getOrUndefined(data),
            contentType: contentType === undefined ? undefined : Option.getOrUndefined(contentType),
            idempotencyKey: idempotencyKey === undefined ? undefined : Option.getOrUndefined(idempotencyKey),
            all:
              (values.all as unknown) === true
                ? { concurrency: Math.max(1, values.concurrency as unknown as number) }
                : undefined
          },
          values.connection,
          values.output
        )
    )
  }).pipe(Command.withDescription(`${op.method} ${op.path}${paged ? " (pages: --all for every page)" : ""}`))
}
