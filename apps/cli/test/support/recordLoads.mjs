// Preloaded with `node --import`: registers loadHooks.mjs.
import { register } from "node:module"

register("./loadHooks.mjs", import.meta.url)
