// One GET through the Effect client over OfscHttpClient.layerUndici, as a script that starts, calls
// once and ends (pnpm bench:start; pnpm bench:bundle bundles it as an extra line).
import { OfscHttpClient } from "@ofsc/core"
import { oneCall } from "./oneCall.mjs"

await oneCall(OfscHttpClient.layerUndici)
