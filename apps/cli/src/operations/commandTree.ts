/**
 * Commands arranged as a tree by their words: `core.resources.workSchedules.calendarView` becomes
 * `ofsc core resources work-schedules calendar-view`. A word can be a command and a group at once
 * (`ofsc export core resources` and `ofsc export core resources children`).
 */
import { type CliApp, Command } from "@effect/cli"
import type { AnyOperation } from "@ofsc/core"
import type { CommandFailure } from "../app/exitCodes.js"
import { kebab } from "./modules.js"
import { operationCommand } from "./operationCommand.js"

/** A command of any shape, as the tree holds them. */
// biome-ignore lint/suspicious/noExplicitAny: commands of different configs share one tree
export type AnyCommand = Command.Command<any, CliApp.CliApp.Environment, CommandFailure, any>

/** A command to place in the tree: its words, and how to make it given its last word. */
export interface TreeEntry {
  readonly path: ReadonlyArray<string>
  readonly make: (name: string) => AnyCommand
}

interface Node {
  readonly groups: Map<string, Node>
  leaf?: TreeEntry
}

const emptyNode = (): Node => ({ groups: new Map() })

const withChildren = (parent: AnyCommand, children: ReadonlyArray<AnyCommand>): AnyCommand =>
  children.length === 0 ? parent : parent.pipe(Command.withSubcommands(children as [AnyCommand, ...Array<AnyCommand>]))

const build = (name: string, node: Node, trail: string): AnyCommand => {
  const children = [...node.groups.entries()].map(([word, child]) => build(word, child, `${trail} ${word}`))
  const parent =
    node.leaf?.make(name) ?? Command.make(name).pipe(Command.withDescription(`${trail}: ${children.length} commands`))
  return withChildren(parent, children)
}

/** The top commands of a tree of entries (the first word of each path is dropped). */
export const commandTree = (entries: ReadonlyArray<TreeEntry>, trail: string): ReadonlyArray<AnyCommand> => {
  const root = emptyNode()
  for (const entry of entries) {
    let node = root
    for (const word of entry.path.slice(1)) {
      let next = node.groups.get(word)
      if (next === undefined) {
        next = emptyNode()
        node.groups.set(word, next)
      }
      node = next
    }
    node.leaf = entry
  }
  return [...root.groups.entries()].map(([word, child]) => build(word, child, `${trail} ${word}`))
}

/** The command of a module with every operation under it. */
export const moduleCommand = (name: string, description: string, ops: ReadonlyArray<AnyOperation>): AnyCommand =>
  withChildren(
    Command.make(name).pipe(Command.withDescription(description)),
    commandTree(
      ops.map((op) => ({ path: op.id.split(".").map(kebab), make: () => operationCommand(op) })),
      name
    )
  )
