/**
 * The README's service example, kept here so CI typechecks it: a shift, the on-call shifts and an
 * activity, through the generated OfscMetadata and OfscCore services.
 */
import { OfscCore } from "@ofsc/core"
import { OfscMetadata } from "@ofsc/metadata"
import { Effect, Stream } from "effect"

/** Reads one shift, streams the on-call ones and gets one activity. */
export const shiftsAndActivity = (activityId: number) =>
  Effect.gen(function* () {
    const metadata = yield* OfscMetadata
    const core = yield* OfscCore
    const blue = yield* metadata.shifts.get("blue")
    const onCall = yield* metadata.shifts.stream().pipe(
      Stream.filter((shift) => shift.type === "on-call"),
      Stream.runCollect
    )
    const activity = yield* core.activities.get(activityId)
    return { blue, onCall, activity }
  })
