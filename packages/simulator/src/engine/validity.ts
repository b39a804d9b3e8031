/** Whether a JSON value decodes with a schema AST; the decoders are built once per AST. */
import { type SchemaAST as AST, Either, ParseResult, Schema } from "effect"

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
