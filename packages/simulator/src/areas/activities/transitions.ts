/**
 * The activity statuses the lifecycle actions accept and what each does to the activity (start,
 * enroute, stopTravel, delay, complete, notDone, cancel), and the 409 of an action its status does
 * not allow.
 */
import type { SimResponse } from "../../engine/answers.js"
import type { SimRecord } from "../../state/record.js"
import { badRequest, conflict, formatDateTime, isDate, isDateTime, isTime } from "../shared.js"

/** A status-changing action: which statuses it accepts and what it does to the activity. */
export interface Transition {
  readonly from: ReadonlyArray<string>
  /**
   * The changed fields, or an answer (a 400) when the body is wrong; `now` is the simulator clock on
   * the wall clock of the activity's resource ('YYYY-MM-DD HH:MM:SS').
   */
  readonly apply: (activity: SimRecord, body: SimRecord, now: string) => SimRecord | SimResponse
  readonly event: string
}

/** The time a body names ('YYYY-MM-DD HH:MM:SS'), `now` (the resource's wall clock) when it names none, or a 400. */
export const timeOf = (body: SimRecord, now: string): string | SimResponse => {
  if (body.time === undefined || body.time === null) return now
  return isDateTime(body.time)
    ? body.time
    : badRequest("Wrong value in field 'time'. The format is 'YYYY-MM-DD HH:MM:SS'.")
}

export const isAnswer = (value: unknown): value is SimResponse =>
  typeof value === "object" && value !== null && "status" in value && typeof value.status === "number"

export const setStatus =
  (status: string, timeField?: "startTime" | "endTime") =>
  (_activity: SimRecord, body: SimRecord, now: string): SimRecord | SimResponse => {
    if (timeField === undefined) return { status }
    const time = timeOf(body, now)
    return isAnswer(time) ? time : { status, [timeField]: time }
  }

/**
 * The start of an activity on its resource's wall clock, held in a Date as if it were UTC (only
 * differences are taken from it): its startTime, else its date (`today` when none) and service
 * window start.
 */
export const startOf = (activity: SimRecord, today: string): Date => {
  if (isDateTime(activity.startTime)) return new Date(`${activity.startTime.replace(" ", "T")}Z`)
  const window = isTime(activity.serviceWindowStart) ? activity.serviceWindowStart : "08:00:00"
  const date = isDate(activity.date) ? activity.date : today
  return new Date(`${date}T${window.length === 5 ? `${window}:00` : window}Z`)
}

/** A started activity takes longer: its duration grows by `delayMinutes`, or until `delayUntilTime`. */
export const delay = (activity: SimRecord, body: SimRecord, now: string): SimRecord | SimResponse => {
  const { delayMinutes, delayUntilTime } = body
  if (delayMinutes === undefined && delayUntilTime === undefined)
    return badRequest("Either 'delayMinutes' or 'delayUntilTime' is required.")
  const duration = typeof activity.duration === "number" ? activity.duration : 0
  if (delayUntilTime !== undefined) {
    const start = startOf(activity, now.slice(0, 10))
    const until = isDateTime(delayUntilTime)
      ? delayUntilTime
      : isTime(delayUntilTime)
        ? `${formatDateTime(start).slice(0, 10)} ${delayUntilTime.length === 5 ? `${delayUntilTime}:00` : delayUntilTime}`
        : undefined
    if (until === undefined) return badRequest("Wrong value in field 'delayUntilTime'.")
    const minutes = Math.round((Date.parse(`${until.replace(" ", "T")}Z`) - start.getTime()) / 60_000)
    if (minutes <= duration) return badRequest("Field 'delayUntilTime' must be later than the activity's current end.")
    return { duration: minutes }
  }
  if (typeof delayMinutes !== "number" || !Number.isInteger(delayMinutes) || delayMinutes <= 0)
    return badRequest("Wrong value in field 'delayMinutes'. It must be a positive integer.")
  return { duration: duration + delayMinutes }
}

export const transitions: Record<string, Transition> = {
  enroute: { from: ["pending"], apply: setStatus("enroute"), event: "activityTravelStarted" },
  stopTravel: { from: ["enroute"], apply: setStatus("pending"), event: "activityTravelStopped" },
  start: { from: ["pending", "enroute"], apply: setStatus("started", "startTime"), event: "activityStarted" },
  complete: { from: ["started"], apply: setStatus("completed", "endTime"), event: "activityCompleted" },
  notDone: { from: ["started"], apply: setStatus("notdone", "endTime"), event: "activityNotDone" },
  cancel: { from: ["pending", "enroute"], apply: setStatus("cancelled"), event: "activityCanceled" },
  delay: { from: ["started"], apply: delay, event: "activityDelayed" }
}

/** The 409 of an action the activity's status does not allow. */
export const wrongStatus = (activity: SimRecord, action: string, from: ReadonlyArray<string>): SimResponse =>
  conflict(
    `Activity ${activity.activityId} is in status '${activity.status}'; '${action}' is allowed only in status ${from
      .map((s) => `'${s}'`)
      .join(", ")}.`
  )
