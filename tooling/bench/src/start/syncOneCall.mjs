// One blocking GET through @ofsc/sync, as a script that starts, calls once and ends (pnpm bench:start).
import { createOfscSync } from "@ofsc/sync"

const [origin, label] = process.argv.slice(2)

const ofs = createOfscSync({ baseUrl: origin, instance: "bench", clientId: "bench", clientSecret: "bench-secret" })
const shift = ofs.metadata.shifts.get(label)
ofs.close()
process.stdout.write(`${JSON.stringify({ label: shift.label, maxRssKb: process.resourceUsage().maxRSS })}\n`)
