/**
 * A plan and an apply report as text for a person: one line per entry (`+` create, `~` update,
 * `-` delete), an update's changed fields indented below it with their values before and after.
 */
import type { ApplyReport } from "./Apply.js"
import { type Plan, planCounts } from "./Plan.js"
import type { ConfigValue } from "./resources/facts.js"

const marks = { create: "+", update: "~", delete: "-" } as const

/** Longest value shown whole in a text plan; JSON output always has the whole value. */
const shownLength = 120

const show = (value: ConfigValue | undefined): string => {
  if (value === undefined) return "(absent)"
  const text = JSON.stringify(value)
  return text.length <= shownLength ? text : `${text.slice(0, shownLength)}… (${text.length} characters)`
}

/** The plan's summary line: `2 to create, 1 to update, 0 to delete`. */
export const planSummary = (plan: Plan): string => {
  const counts = planCounts(plan)
  return `${counts.create} to create, ${counts.update} to update, ${counts.delete} to delete`
}

/** The plan as readable text, ending with a newline. */
export const renderPlan = (plan: Plan): string => {
  const lines: Array<string> = []
  for (const entry of plan.entries) {
    lines.push(`${marks[entry.action]} ${entry.action} ${entry.resource}/${entry.key}`)
    if (entry.action === "update")
      for (const change of entry.changes)
        lines.push(`    ${change.field}: ${show(change.before)} → ${show(change.after)}`)
  }
  if (plan.entries.length === 0) lines.push("No changes: the target matches the source.")
  const kept = plan.kept.length
  lines.push(`Plan: ${planSummary(plan)}${kept > 0 ? ` (${kept} only in the target, kept)` : ""}.`)
  if (plan.notWritten.length > 0) lines.push(`Exported only, not compared: ${plan.notWritten.join(", ")}.`)
  return `${lines.join("\n")}\n`
}

/** The report of an apply as text: each failure with OFS's detail, then the totals. */
export const renderReport = (report: ApplyReport): string => {
  const lines: Array<string> = []
  for (const result of report.results) {
    if (result.outcome !== "failed") continue
    const { entry, failure } = result
    const status = failure.status === undefined ? "" : ` ${failure.status}`
    lines.push(
      `✗ ${entry.action} ${entry.resource}/${entry.key}: ${failure.error}${status}${failure.detail === undefined ? "" : `: ${failure.detail}`}`
    )
  }
  lines.push(`Applied ${report.applied} of ${report.results.length} changes; ${report.failed} failed.`)
  return `${lines.join("\n")}\n`
}
