/** Inventories: install, deinstall and their undo, moving an item between its owners. */
import { type Behaviours, BehaviourTable } from "../../engine/behaviour.js"
import { inventoryAction } from "./actions.js"

/** Every behaviour of the inventories area. */
export const inventoryBehaviours = (): Behaviours =>
  new BehaviourTable()
    .answer("core.inventories.install", inventoryAction("install"))
    .answer("core.inventories.deinstall", inventoryAction("deinstall"))
    .answer("core.inventories.undoInstall", inventoryAction("undoInstall"))
    .answer("core.inventories.undoDeinstall", inventoryAction("undoDeinstall"))
    .answer("core.resources.inventories.install", inventoryAction("install")).behaviours
