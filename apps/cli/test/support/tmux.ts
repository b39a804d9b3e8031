/** A tmux pane for terminal tests: a shell in a 200x50 pane with `ofsc` aliased to the built bin and the given environment. */
import { execFileSync, execSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { binPath } from "./cli.js"

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** A running pane. */
export interface Pane {
  /** The pane's text, wrapped lines joined. */
  readonly capture: () => string
  /** Types a line and Enter. */
  readonly type: (line: string) => void
  /** Sends keys (`C-c`). */
  readonly keys: (...keys: ReadonlyArray<string>) => void
  /** Waits until the pane shows `pattern`; the pane's text then. */
  readonly waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>
  readonly close: () => void
}

/** Opens a pane named `name`, in `dir`, with the OFSC_* settings (and PATH, HOME, XDG_CONFIG_HOME) of `env`. */
export const openPane = async (name: string, dir: string, env: Record<string, string | undefined>): Promise<Pane> => {
  execSync("command -v tmux || (apt-get update && apt-get install -y tmux)", { stdio: "ignore", shell: "/bin/bash" })
  const session = `${name}-${process.pid}`
  const tmux = (...args: ReadonlyArray<string>) => execFileSync("tmux", args, { encoding: "utf8" })
  const exports = Object.entries(env)
    .filter(([key, value]) => value !== undefined && /^(OFSC_|XDG_CONFIG_HOME$|PATH$|HOME$)/.test(key))
    .map(([key, value]) => `export ${key}='${value}'`)
  fs.writeFileSync(
    path.join(dir, "env.sh"),
    `${exports.join("\n")}\nalias ofsc='node ${binPath}'\nPS1='$ '\ncd ${dir}\n`
  )
  tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", "bash --norc --noprofile")
  // -J: a line the pane wrapped comes back whole
  const capture = () => tmux("capture-pane", "-p", "-J", "-t", session)
  const type = (line: string) => void tmux("send-keys", "-t", session, line, "Enter")
  const waitFor = async (pattern: RegExp, timeoutMs = 90_000) => {
    const until = Date.now() + timeoutMs
    for (;;) {
      const text = capture()
      if (pattern.test(text)) return text
      if (Date.now() > until) throw new Error(`the terminal never showed ${pattern}:\n${text}`)
      await sleep(100)
    }
  }
  type(`source ${path.join(dir, "env.sh")} && clear`)
  await waitFor(/^\$\s*$/m)
  return {
    capture,
    type,
    keys: (...keys) => void tmux("send-keys", "-t", session, ...keys),
    waitFor,
    close: () => {
      try {
        tmux("kill-session", "-t", session)
      } catch {
        // already gone
      }
    }
  }
}
