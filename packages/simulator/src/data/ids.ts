/** Numeric ids the seed hands out, unique over the whole data set as OFS's are. */

/** Counts ids up from `start` + 1. */
export class IdCounter {
  private last: number
  constructor(start = 0) {
    this.last = start
  }
  /** The next id. */
  next(): number {
    this.last += 1
    return this.last
  }
  /** The highest id handed out (the start when none was). */
  get highest(): number {
    return this.last
  }
}
