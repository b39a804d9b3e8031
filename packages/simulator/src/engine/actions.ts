/**
 * Operations that are not collection CRUD (custom actions, booking grid, invitations): they answer
 * with their declared status and a body generated from the success schema, except that
 *  - an action answering with its own entity's schema (an activity action returning the activity)
 *    answers with the stored entity;
 *  - an action that starts a job (`mapLayers/custom-actions/populateLayers`) records it under a fresh
 *    `downloadId`, and the GET on `.../populateLayers/{downloadId}` reports it, or 404 for an unknown id.
 */
import type { PlanHandler } from "./collections.js"
import type { Engine } from "./engine.js"
import { isParam } from "./paths.js"
import type { OpPlan } from "./plan.js"

/** Where started jobs are kept, keyed by `<start path>/<downloadId>`. */
const jobsCollection = "jobs"

/** The job-status GET of a start path, if the table has one. */
const isJobStatus = (plan: OpPlan): boolean => plan.op.method === "GET" && isParam(plan.op.path.split("/").at(-1) ?? "")

const startPathOf = (path: string): string => path.split("/").slice(0, -1).join("/")

/** Answers an action: a job's status, the stored entity when the success schema is the entity's, else a sample. */
export const action: PlanHandler = (engine, plan, call) => {
  if (isJobStatus(plan)) {
    const id = Object.values(call.params).at(-1) ?? ""
    const job = engine.store.collection(jobsCollection).get(`${startPathOf(plan.op.path)}/${id}`)
    return job === undefined ? engine.notFound("download", id) : engine.answer(plan, job)
  }
  if (engine.jobStarts.has(plan.op.path)) return startJob(engine, plan)
  const success = plan.op.success
  if (success.kind === "json" && plan.parent !== undefined) {
    const entitySchema = engine.entitySchemas.get(plan.parent.collection)
    if (entitySchema === success.schema.ast) {
      const entity = engine.store.collection(plan.parent.collection).get(call.params[plan.parent.param] ?? "")
      if (entity !== undefined) return engine.answer(plan, entity)
    }
  }
  return engine.sampleAnswer(plan)
}

const startJob = (engine: Engine, plan: OpPlan) => {
  const jobs = engine.store.collection(jobsCollection)
  const downloadId = engine.store.nextId(jobsCollection, 0)
  const answer = engine.sampler.withRequest(
    (name) => (name === "downloadId" ? downloadId : name === "status" ? "completed" : undefined),
    () => engine.sampleAnswer(plan)
  )
  if (answer.json !== undefined) jobs.put(`${plan.op.path}/${downloadId}`, answer.json as Record<string, unknown>)
  return answer
}
