/**
 * `ofsc mirror run` in a real terminal (tmux): the load's progress bar, then the status line
 * redrawn in place as events arrive; Ctrl-C stops it cleanly, with a summary and exit code 0.
 */
import { type SimulatorHandle, startSimulator } from "@ofsc/simulator"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ofsc, simEnv, tempDir } from "./support/cli.js"
import { openPane, type Pane } from "./support/tmux.js"

let sim: SimulatorHandle
let pane: Pane

beforeAll(async () => {
  sim = await startSimulator({ seed: 29 })
  pane = await openPane("ofsc-mirror-test", tempDir("mirror-tmux"), simEnv(sim, { NO_COLOR: undefined }))
}, 180_000)

afterAll(async () => {
  pane?.close()
  await sim?.stop()
})

describe("ofsc mirror run in a terminal", () => {
  it("shows the load's bar, then one status line that moves with the events; Ctrl-C stops it with exit 0", async () => {
    pane.type("ofsc mirror run --db m.db --from 2026-11-01 --to 2026-11-10 --poll-interval 0.5")
    const loading = await pane.waitFor(/loading ▕[█░]+▏\s+\d+%\s+[\d,]+ rows/)
    const following = await pane.waitFor(
      /mirror following {2}\S.* {2}0 events applied {2}0 changes {2}0 unknown events/
    )
    expect(following).toMatch(/loaded [\d,]+ rows \([\d,]+ activities\) in [\d.]+s\n/)

    const updated = await ofsc(["core", "activities", "update", "4225", "--data", '{"customerName":"tmux"}'], {
      env: simEnv(sim)
    })
    expect(updated.code).toBe(0)
    const moved = await pane.waitFor(/mirror following {2}lag \d+s {2}1 event applied {2}1 change {2}0 unknown events/)
    // one status line, redrawn in place: never two of them on the screen
    expect(moved.match(/mirror following/g)).toHaveLength(1)

    pane.keys("C-c")
    const stopped = await pane.waitFor(
      /stopped: 1 event applied, 1 change, 0 unknown events in this session; m\.db: run 1, following/
    )
    pane.type('echo "exit=$?"')
    const exit = await pane.waitFor(/^exit=\d+/m)
    console.log(`--- mirror run, as captured:\n${loading.trim().split("\n").slice(-1)[0]}\n...\n${exit.trim()}`)
    expect(/^exit=(\d+)/m.exec(exit)?.[1]).toBe("0")
    expect(stopped).not.toMatch(/mirror following/)
  })
})
