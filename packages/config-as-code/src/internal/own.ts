/**
 * Writing a key that came from data (a field of an OFS answer, an item's label, a YAML key) into a
 * plain object. `target[key] = value` with the key `__proto__` replaces the object's prototype
 * instead of adding a key, so the key would vanish from the export and the object would change
 * kind; these write and read an own property, whatever the key.
 */

/** Sets `key` on `target` as an own, enumerable property. */
export const setOwn = <V>(target: Record<string, V>, key: string, value: V): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** The own property `key` of `target`, or undefined (never an inherited one). */
export const getOwn = <V>(target: Readonly<Record<string, V>>, key: string): V | undefined =>
  Object.hasOwn(target, key) ? target[key] : undefined
