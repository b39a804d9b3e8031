/**
 * Runs a simulator in this child process, so the benchmark process measures only the client.
 * Options come as JSON in argv[2]; the URL goes back over IPC.
 */
import { startSimulator } from "@ofsc/simulator"

const options = JSON.parse(process.argv[2] ?? "{}")
const sim = await startSimulator(options)
process.send?.({ url: sim.url, instance: sim.instance })
process.on("disconnect", () => {
  void sim.stop().then(() => process.exit(0))
})
