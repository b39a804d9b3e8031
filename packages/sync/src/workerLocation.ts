/**
 * Where the built worker module sits next to this file. The worker always runs the CommonJS build
 * (worker.cjs), whichever build the script loaded: it shares no objects with the calling thread,
 * and Node loads its graph (effect, @effect/platform, the API packages) about a third faster as
 * CommonJS than as ES modules (`pnpm bench:start`). The CommonJS build knows its own path
 * (`__filename`); the ESM build resolves from `import.meta.url`. Both stay correct in install paths
 * with spaces, `#` or `%`, because they are turned into a file URL only once, here.
 */
import { dirname, join } from "node:path"
import { pathToFileURL } from "node:url"

declare const __filename: string | undefined

/** The file URL of the worker module (worker.cjs, next to this build's index). */
export const workerUrl = (): string =>
  typeof __filename === "string"
    ? pathToFileURL(join(dirname(__filename), "worker.cjs")).href
    : new URL("./worker.cjs", import.meta.url).href
