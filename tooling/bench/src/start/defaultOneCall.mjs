// One GET through the Effect client over the default OfscHttpClient.layer (the runtime's fetch): what
// pnpm bench:bundle bundles as an application would, with nothing left external.
import { OfscHttpClient } from "@ofsc/core"
import { oneCall } from "./oneCall.mjs"

await oneCall(OfscHttpClient.layer)
