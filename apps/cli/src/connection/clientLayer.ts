/**
 * The OFS client a command runs with: an embedded simulator for `--simulator`, else the connection
 * that flags, environment and profile describe. The simulator is imported only when asked for.
 */
import type { FileSystem, Path } from "@effect/platform"
import {
  OfscClient,
  OfscConfig,
  type OfscConfigError,
  type OfscConfigShape,
  OfscHttpClient,
  type OfscTransport,
  resolve
} from "@ofsc/core"
import { Effect, Layer, type Scope } from "effect"
import type { CliError } from "../app/CliError.js"
import type { ConnectionFlags } from "../app/globalOptions.js"
import { resolveConnection } from "./settings.js"

/** Starts an embedded simulator for the scope and returns the configuration that reaches it. */
const simulatorConfig = (
  size: ConnectionFlags["simulatorSize"]
): Effect.Effect<OfscConfigShape, OfscConfigError, Scope.Scope> =>
  Effect.gen(function* () {
    const { Simulator, simulatorClientOptions } = yield* Effect.promise(() => import("@ofsc/simulator"))
    return yield* resolve(simulatorClientOptions(yield* Simulator.scoped({ size, seed: 1 })))
  })

/** The transport for a command, from its connection flags (and `env`, the process's environment by default). */
export const clientLayer = (
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = process.env
): Layer.Layer<OfscTransport, OfscConfigError | CliError, FileSystem.FileSystem | Path.Path> =>
  Layer.unwrapScoped(
    Effect.map(
      (flags.simulator ? simulatorConfig(flags.simulatorSize) : resolveConnection(flags, env)) as Effect.Effect<
        OfscConfigShape,
        OfscConfigError | CliError,
        FileSystem.FileSystem | Path.Path | Scope.Scope
      >,
      (config) =>
        OfscClient.fromConfig(Layer.succeed(OfscConfig, config)).pipe(Layer.provide(OfscHttpClient.layerUndici))
    )
  )
