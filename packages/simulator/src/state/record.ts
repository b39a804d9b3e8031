/** A record as the simulator stores it: plain JSON. */
export type SimRecord = Record<string, unknown>
