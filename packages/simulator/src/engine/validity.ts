/** Whether a JSON value decodes with a schema AST; the decoders are built once per AST. */

import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"

const checks = new WeakMap<AST.AST, (value: unknown) => boolean>()

/** True when `value` (wire form) decodes with the schema whose AST this is. */
export const decodes = (ast: AST.AST, value: unknown): boolean => {
  let check = checks.get(ast)
  if (check === undefined) {
    const decode = ParseResult.decodeUnknownEither(Schema.make(ast), { onExcessProperty: "preserve" })
    check = (v) => Either.isRight(decode(v))
    checks.set(ast, check)
  }
  return check(value)
}
