/** The entry of the worker thread (loaded by the bootstrap in internal/connection.ts). */
export { start } from "./internal/worker.js"
