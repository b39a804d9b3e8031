/** What `f` threw, or undefined when it returned: for asserting on a blocking call's error. */
export const thrown = (f: () => unknown): unknown => {
  try {
    f()
  } catch (error) {
    return error
  }
  return undefined
}
