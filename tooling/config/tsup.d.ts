import type { Options } from "tsup"
/** Build options for an @ofsc package; `entry` maps output names to source files. */
export declare const packageBuild: (entry: Record<string, string>, overrides?: Options) => Options
