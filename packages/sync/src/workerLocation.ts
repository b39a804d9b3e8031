/**
 * Where the built worker module sits next to this file. The CommonJS build knows its own path
 * (`__filename`); the ESM build resolves from `import.meta.url`. Both stay correct in install
 * paths with spaces, `#` or `%`, because they are turned into a file URL only once, here.
 */
import { dirname, join } from "node:path"
import { pathToFileURL } from "node:url"

declare const __filename: string | undefined

/** The file URL of the worker module that matches this build (worker.cjs or worker.js). */
export const workerUrl = (): string =>
  typeof __filename === "string"
    ? pathToFileURL(join(dirname(__filename), "worker.cjs")).href
    : new URL("./worker.js", import.meta.url).href
