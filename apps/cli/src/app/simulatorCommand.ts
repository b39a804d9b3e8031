/**
 * `ofsc simulator`: the simulator's own command (flags, help, defaults), from @ofsc/simulator, so it
 * can never differ from the `ofsc-simulator` bin.
 */
export { simulatorCommand } from "@ofsc/simulator/command"
