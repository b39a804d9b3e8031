/**
 * `pnpm --filter @ofsc/codegen audit:spec [swagger.json]`: lists the spec's likely shape mistakes
 * (auditSpec.ts), each with what the repo did about it: corrected (specCorrections.ts) or judged
 * fine (with the reason). Exits non-zero when a candidate has neither, as after a spec update.
 */
import { fileURLToPath } from "node:url"
import { auditSpec, type Candidate, readFullSpec } from "./auditSpec.js"
import { auditVerdicts, propertyCorrections, responseCorrections } from "./specCorrections.js"

const here = fileURLToPath(new URL(".", import.meta.url))
const source = process.argv[2] ?? `${here}../../../../shared/ofs-api/swagger.json`

/** What was decided for one candidate. */
const verdictOf = (c: Candidate): { readonly status: "corrected" | "fine" | "open"; readonly reason: string } => {
  const correction = propertyCorrections[c.key] ?? responseCorrections[c.key]
  if (correction) return { status: "corrected", reason: correction.reason }
  const fine = auditVerdicts.find((v) => v.match.test(c.key))
  return fine ? { status: "fine", reason: fine.reason } : { status: "open", reason: "not judged yet" }
}

const candidates = auditSpec(readFullSpec(source))
const counts = { corrected: 0, fine: 0, open: 0 }
for (const c of candidates) {
  const v = verdictOf(c)
  counts[v.status]++
  console.log(`${v.status.padEnd(9)} ${c.kind.padEnd(12)} ${c.key}\n          ${c.detail}\n          -> ${v.reason}`)
}
console.log(
  `\n${candidates.length} candidates: ${counts.corrected} corrected, ${counts.fine} judged fine, ${counts.open} open`
)
if (counts.open > 0) process.exitCode = 1
