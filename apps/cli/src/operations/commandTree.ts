/**
 * Commands arranged as a tree by their words: `core.resources.workSchedules.calendarView` becomes
 * `ofsc core resources work-schedules calendar-view`. A word can be a command and a group at once
 * (`ofsc export core resources` and `ofsc export core resources children`). Only the branch the
 * command line names is built in full; its siblings are one-line entries (name and summary), which
 * keeps startup short and each help page to the point.
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
  /** What `--help` of the parent says about it. */
  readonly summary: string
  readonly make: (name: string) => AnyCommand
}

interface Node {
  readonly groups: Map<string, Node>
  leaf?: TreeEntry
}

const emptyNode = (): Node => ({ groups: new Map() })

const withChildren = (parent: AnyCommand, children: ReadonlyArray<AnyCommand>): AnyCommand =>
  children.length === 0 ? parent : parent.pipe(Command.withSubcommands(children as [AnyCommand, ...Array<AnyCommand>]))

const summaryOf = (node: Node) => node.leaf?.summary ?? `${node.groups.size} commands`

/** A node's children: the one `words` names built in full, the others as one-line entries. */
const childrenOf = (node: Node, trail: string, words: ReadonlyArray<string>): Array<AnyCommand> => {
  const [next, ...rest] = words
  return [...node.groups.entries()].map(([word, child]) =>
    word === next
      ? build(word, child, `${trail} ${word}`, rest)
      : Command.make(word).pipe(Command.withDescription(summaryOf(child)))
  )
}

const build = (name: string, node: Node, trail: string, words: ReadonlyArray<string>): AnyCommand => {
  const parent =
    node.leaf?.make(name) ?? Command.make(name).pipe(Command.withDescription(`${trail}: ${summaryOf(node)}`))
  return withChildren(parent, childrenOf(node, trail, words))
}

/**
 * The top commands of a tree of entries (the first word of each path is dropped), built in full
 * along `words` (the command line's words after the tree's own).
 */
export const commandTree = (
  entries: ReadonlyArray<TreeEntry>,
  trail: string,
  words: ReadonlyArray<string>
): ReadonlyArray<AnyCommand> => {
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
  return childrenOf(root, trail, words)
}

/** The command of a module with every operation under it. */
export const moduleCommand = (
  name: string,
  description: string,
  ops: ReadonlyArray<AnyOperation>,
  words: ReadonlyArray<string>
): AnyCommand =>
  withChildren(
    Command.make(name).pipe(Command.withDescription(description)),
    commandTree(
      ops.map((op) => ({
        path: op.id.split(".").map(kebab),
        summary: `${op.method} ${op.path}`,
        make: () => operationCommand(op)
      })),
      name,
      words
    )
  )
