/**
 * Routing plans of a routing profile: an import reads the plan file (JSON with its `planLabel`) and
 * refuses a label that exists (409) unless forced; an export answers the stored file; starting a plan
 * needs it to exist. Plans are kept in `routingProfiles/<profile>/plans`, keyed by label.
 */
import { ofsError } from "../../engine/answers.js"
import type { PlanHandler } from "../../engine/collections.js"

const plansOf = (profile: string) => `routingProfiles/${profile}/plans`

const labelOf = (file: Buffer): string | undefined => {
  try {
    const parsed: unknown = JSON.parse(file.toString("utf8"))
    const label = (parsed as { planLabel?: unknown } | null)?.planLabel
    return typeof label === "string" && label !== "" ? label : undefined
  } catch {
    return undefined
  }
}

const importPlan =
  (force: boolean): PlanHandler =>
  (engine, plan, call) => {
    const file = call.body as Buffer
    const label = labelOf(file)
    if (label === undefined) return ofsError(400, "body: not a routing plan file (JSON with a planLabel)")
    const plans = engine.store.collection(plansOf(call.params.profileLabel ?? ""))
    if (!force && plans.get(label) !== undefined) return ofsError(409, `Routing plan '${label}' already exists`)
    plans.put(label, { planLabel: label, data: new Uint8Array(file) })
    return engine.answer(plan, undefined)
  }

/** PUT .../plans/custom-actions/import: 409 when the plan exists. */
export const importRoutingPlan: PlanHandler = importPlan(false)

/** PUT .../plans/custom-actions/forceImport: replaces an existing plan. */
export const forceImportRoutingPlan: PlanHandler = importPlan(true)

/** GET .../plans/{planLabel}/custom-actions/export: the imported file. */
export const exportRoutingPlan: PlanHandler = (engine, _plan, call) => {
  const label = call.params.planLabel ?? ""
  const stored = engine.store.collection(plansOf(call.params.profileLabel ?? "")).get(label)
  return stored?.data instanceof Uint8Array
    ? engine.bytes(stored.data, "application/octet-stream")
    : engine.notFound("Routing plan", label)
}

/** POST .../plans/{planLabel}/{resourceExternalId}/{date}/custom-actions/start: the plan must exist. */
export const startRoutingPlan: PlanHandler = (engine, plan, call) => {
  const label = call.params.planLabel ?? ""
  return engine.store.collection(plansOf(call.params.profileLabel ?? "")).get(label) === undefined
    ? engine.notFound("Routing plan", label)
    : engine.answer(plan, undefined)
}
