// Module hooks that append every module URL Node loads to the file in OFSC_LOAD_LOG, so a test can
// tell what a command loaded (runs on the hooks thread: a file is the simple way out).
import { appendFileSync } from "node:fs"

export async function load(url, context, nextLoad) {
  if (process.env.OFSC_LOAD_LOG) appendFileSync(process.env.OFSC_LOAD_LOG, `${url}\n`)
  return nextLoad(url, context)
}
