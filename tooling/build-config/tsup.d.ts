import type { Options } from "tsup"
/** Build options for an @ofsc package; `entry` maps output names to source files. */
export declare const packageBuild: (entry: Record<string, string>, overrides?: Options) => Options
/** Like `packageBuild`, with an ESM build of one output file per source file, so bundlers drop unused files. */
export declare const modularPackageBuild: (entry: Record<string, string>, overrides?: Options) => Array<Options>
