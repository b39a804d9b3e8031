/**
 * The OFS client a command runs with: an embedded simulator for `--simulator`, else the connection
 * that flags, environment and profile describe. The simulator is imported only when asked for.
 * Requests go through Node's own http/https modules (@effect/platform-node's NodeHttpClient): they
 * are loaded with Node, while `fetch` compiles Node's bundled undici on first use, which measured as
 * a tenth of a one-call command's start (bench/README.md).
 */
import type { FileSystem, HttpClient, Path } from "@effect/platform"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import {
  OfscClient,
  OfscConfig,
  type OfscConfigError,
  type OfscConfigShape,
  type OfscTransport,
  resolve
} from "@ofsc/core"
import { Effect, Layer, type Scope } from "effect"
import type { CliError } from "../app/CliError.js"
import type { ConnectionFlags } from "../app/globalOptions.js"
import { resolveConnection } from "./settings.js"

/** The HttpClient of every command (the mirror's webhooks too). */
export const httpClient: Layer.Layer<HttpClient.HttpClient> = NodeHttpClient.layer

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
      (config) => OfscClient.fromConfig(Layer.succeed(OfscConfig, config)).pipe(Layer.provide(httpClient))
    )
  )
