// A simulator in its own process (a blocking client must never share a thread with the server it
// calls). The seed and size come as arguments so two processes hold the same data.
import { startSimulator } from "@ofsc/simulator"

const [seed, size] = process.argv.slice(2)
const sim = await startSimulator({ seed: Number(seed), size: size ?? "small" })
process.send?.({ url: sim.url, instance: sim.instance })
