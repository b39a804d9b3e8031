/**
 * Values built on first use. The generated models and operation tables wrap each schema in `lazy`, so
 * importing a module of 300 models builds none of them: a script that calls one operation builds the
 * few schemas that operation reads, not the whole API (see tooling/bench/README.md, `bench:start`).
 */

/**
 * `build()`'s value, built the first time anything reads it (a property, `in`, a call) and kept.
 * The answer behaves as the value: same properties, prototype and type. A function stands in as
 * the proxy's target so that schemas, which are classes, stay callable.
 *
 * @example
 * import * as Schema from "effect/Schema"
 * export const Shift = lazy(() => Schema.Struct({ label: Schema.String }))
 * Schema.decodeUnknownSync(Shift)({ label: "day" }) // built here, on first use
 */
export const lazy = <A extends object>(build: () => A): A => {
  let value: A | undefined
  const force = (): A => {
    if (value === undefined) value = build()
    return value
  }
  const target = function lazyValue() {}
  return new Proxy(target, {
    get: (_, key) => Reflect.get(force(), key),
    set: (_, key, v) => Reflect.set(force(), key, v),
    has: (_, key) => Reflect.has(force(), key),
    ownKeys: () => {
      // a proxy must list its target's fixed keys: `prototype` is one on a plain function
      const keys = Reflect.ownKeys(force())
      return keys.includes("prototype") ? keys : [...keys, "prototype"]
    },
    getOwnPropertyDescriptor: (_, key) => {
      if (key === "prototype") return Reflect.getOwnPropertyDescriptor(target, key)
      const descriptor = Reflect.getOwnPropertyDescriptor(force(), key)
      // only the target's own fixed properties may be reported as fixed
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true }
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(force(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(force(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(force()),
    apply: (_, self, args) => Reflect.apply(force() as unknown as (...a: Array<unknown>) => unknown, self, args),
    construct: (_, args) => Reflect.construct(force() as unknown as new (...a: Array<unknown>) => object, args)
  }) as unknown as A
}
