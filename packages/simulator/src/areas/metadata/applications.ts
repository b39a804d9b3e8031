/** Applications (metadata): generating a client secret answers a new one each time. */
import { randomBytes } from "node:crypto"
import type { PlanHandler } from "../../engine/collections.js"

/** POST applications/{label}/custom-actions/generateClientSecret: a new secret each time. */
export const generateClientSecret: PlanHandler = (engine, plan) =>
  engine.answer(plan, { clientSecret: randomBytes(24).toString("base64url") })
