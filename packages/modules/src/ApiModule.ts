/**
 * The shape of the module registry: what every reader of the API modules (the sync wrapper, the
 * CLI, the simulator) needs to know about one, without naming it.
 */
import type { AnyOperation, OfscTransport } from "@ofsc/core"
import type * as Context from "effect/Context"
import type * as Layer from "effect/Layer"

/** One API module, loaded: its operation table, its service tag and the layer that builds the service. */
export interface ApiModule<Name extends string = string, I = unknown, S = unknown> {
  /** The module's name: the first part of its operation ids and its key in `@ofsc/sync` (`partsCatalog`). */
  readonly name: Name
  /** Every operation descriptor of the module, in spec order. */
  readonly operations: ReadonlyArray<AnyOperation>
  /** The service's tag (`OfscMetadata`). */
  readonly tag: Context.Tag<I, S>
  /** The service over the `OfscTransport` in the context. */
  readonly layer: Layer.Layer<I, never, OfscTransport>
}

/** What the registry knows of a module before loading it, and how to load it. */
export interface ApiModuleInfo<Name extends string = string, I = unknown, S = unknown> {
  /** The module's name (`partsCatalog`). */
  readonly name: Name
  /** Its command in `ofsc` and its package directory (`parts-catalog`). */
  readonly command: string
  /** The package that holds it (`@ofsc/parts-catalog`). */
  readonly packageName: string
  /** The path prefix of its operations (`/rest/ofscPartsCatalog/`). */
  readonly pathPrefix: string
  /** What it holds, in a line. */
  readonly description: string
  /** The methods of its service that answer a Stream, by dotted path (`metadata.shifts.stream`). */
  readonly streamMethods: ReadonlyArray<string>
  /** Imports the module's package and answers the module. */
  readonly load: () => Promise<ApiModule<Name, I, S>>
}

/** Any loaded module, whatever its service. */
// biome-ignore lint/suspicious/noExplicitAny: the existential "some module" needs open type parameters
export type AnyApiModule = ApiModule<string, any, any>

/** Any module of the registry, whatever its service. */
// biome-ignore lint/suspicious/noExplicitAny: the existential "some module" needs open type parameters
export type AnyApiModuleInfo = ApiModuleInfo<string, any, any>
