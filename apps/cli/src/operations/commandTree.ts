/**
 * A module's operations as a tree of commands: `core.resources.workSchedules.calendarView`
 * becomes `ofsc core resources work-schedules calendar-view`.
 */
import { type CliApp, Command } from "@effect/cli"
import type { AnyOperation } from "@ofsc/core"
import type { CommandFailure } from "../app/exitCodes.js"
import { kebab } from "./modules.js"
import { operationCommand } from "./operationCommand.js"

/** A command of any shape, as the tree holds them. */
// biome-ignore lint/suspicious/noExplicitAny: commands of different configs share one tree
export type AnyCommand = Command.Command<any, CliApp.CliApp.Environment, CommandFailure, any>

interface Node {
  readonly groups: Map<string, Node>
  readonly leaves: Array<AnyOperation>
}

const emptyNode = (): Node => ({ groups: new Map(), leaves: [] })

const withChildren = (name: string, description: string, children: ReadonlyArray<AnyCommand>): AnyCommand =>
  Command.make(name).pipe(
    Command.withDescription(description),
    Command.withSubcommands(children as [AnyCommand, ...Array<AnyCommand>])
  )

const build = (name: string, node: Node, trail: string): AnyCommand => {
  const children: Array<AnyCommand> = [
    ...[...node.groups.entries()].map(([group, child]) => build(group, child, `${trail} ${group}`)),
    ...node.leaves.map(operationCommand)
  ]
  return withChildren(name, `${trail}: ${children.length} commands`, children)
}

/** The command of a module with every operation under it. */
export const moduleCommand = (name: string, description: string, ops: ReadonlyArray<AnyOperation>): AnyCommand => {
  const root = emptyNode()
  for (const op of ops) {
    const segments = op.id.split(".").slice(1, -1).map(kebab)
    let node = root
    for (const segment of segments) {
      let next = node.groups.get(segment)
      if (next === undefined) {
        next = emptyNode()
        node.groups.set(segment, next)
      }
      node = next
    }
    node.leaves.push(op)
  }
  const children = [...root.groups.entries()].map(([group, child]) => build(group, child, `${name} ${group}`))
  return withChildren(name, description, [...children, ...root.leaves.map(operationCommand)])
}
