/**
 * The simulator's own admin calls, beside the OFS API and behind the same authentication:
 *
 * - `GET /simulator/v1/clock` → `{ time, epochMs }`: the simulator's clock (UTC, OFS's format);
 * - `POST /simulator/v1/clock` with `{ "advanceSeconds": n }` or `{ "time": "YYYY-MM-DD HH:MM:SS" }`
 *   (UTC; an ISO time with a zone works too) moves it forward and answers the new time. The clock
 *   never goes back: a time before now answers 409.
 */
import { ofsError } from "../engine/answers.js"
import type { SimResponse } from "../engine/protocol.js"
import { parseUtcTime, type SimClock } from "../state/clock.js"

/** The path of the clock call. */
export const clockPath = "/simulator/v1/clock"

const now = (clock: SimClock): SimResponse => {
  const epochMs = clock.now()
  return { status: 200, json: { time: new Date(epochMs).toISOString().slice(0, 19).replace("T", " "), epochMs } }
}

/** The answer to an admin call on the clock, for `method` and the parsed JSON `body`. */
export const clockCall = (clock: SimClock, method: string, body: unknown): SimResponse => {
  if (method === "GET") return now(clock)
  if (method !== "POST") return ofsError(405, `${method} is not allowed on ${clockPath}`)
  const fields =
    body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
  const { advanceSeconds, time } = fields
  if (typeof advanceSeconds === "number" && time === undefined) {
    if (!clock.advance(advanceSeconds * 1000))
      return ofsError(400, "Field 'advanceSeconds' must be a number of seconds, 0 or more.")
    return now(clock)
  }
  if (typeof time === "string" && advanceSeconds === undefined) {
    const ms = parseUtcTime(time)
    if (ms === undefined) return ofsError(400, "Field 'time' must be 'YYYY-MM-DD HH:MM:SS' (UTC) or an ISO time.")
    if (!clock.set(ms)) return ofsError(409, "The simulator's clock does not go back.")
    return now(clock)
  }
  return ofsError(400, "Give one of 'advanceSeconds' (a number) or 'time' (a string).")
}
