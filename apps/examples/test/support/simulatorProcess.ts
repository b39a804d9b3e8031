// A simulator in its own process for the examples' tests (a blocking client must not share a thread with it).
import { startSimulator } from "@ofsc/simulator"

const sim = await startSimulator({ size: "small" })
process.send?.({ url: sim.url })
