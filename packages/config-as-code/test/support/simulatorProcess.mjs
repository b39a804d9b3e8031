// A simulator in its own process, for the blocking client (which must never share a thread with
// the server it calls). The seed comes as an argument; the address goes back over IPC.
import { startSimulator } from "@ofsc/simulator"

const sim = await startSimulator({ seed: Number(process.argv[2] ?? 1) })
process.send?.({ url: sim.url, instance: sim.instance })
