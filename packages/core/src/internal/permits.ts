/**
 * The counting semaphore behind the transport's concurrency bounds. An uncontended take and its
 * release are plain counter updates in the calling fiber; only a call that finds every permit taken
 * suspends. Effect's Semaphore takes every permit through an async registration and a suspended
 * re-check, and releases through the scheduler: with the network taken out it measured ~9 µs of the
 * ~27 µs the transport spends per GET (tooling/bench/README.md, "Per GET").
 *
 * Waiters are served in arrival order. A released permit is promised to the first waiter, and no
 * newcomer can take it meanwhile; a waiter interrupted after it was promised one passes it on.
 */
import * as Effect from "effect/Effect"

interface Waiter {
  promised: boolean
  wake: () => void
}

/** A fixed number of permits; `withPermit` runs an effect holding one. */
export class Permits {
  private available: number
  /** Permits handed to woken waiters that have not taken them yet. */
  private promised = 0
  private readonly waiting = new Set<Waiter>()

  constructor(permits: number) {
    this.available = permits
  }

  /** Permits neither held nor promised (for tests and diagnostics). */
  get free(): number {
    return this.available - this.promised
  }

  /** Runs `self` holding one permit, waiting (interruptibly) while all are taken; always gives it back. */
  withPermit<A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> {
    return Effect.uninterruptibleMask((restore) => {
      if (this.available > this.promised) {
        this.available--
        return this.holding(restore(self))
      }
      return Effect.flatMap(this.waitForPermit(restore), () => this.holding(restore(self)))
    })
  }

  /** Runs `self` (which holds a permit) and releases the permit however it ends. */
  private holding<A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> {
    return Effect.matchCauseEffect(self, {
      onFailure: (cause) => {
        this.release()
        return Effect.failCause(cause)
      },
      onSuccess: (value) => {
        this.release()
        return Effect.succeed(value)
      }
    })
  }

  /** Waits in line; ends holding a permit, or fails (interrupted) holding none. */
  private waitForPermit(
    restore: <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  ): Effect.Effect<void> {
    return Effect.suspend(() => {
      const waiter: Waiter = { promised: false, wake: () => {} }
      const turn = Effect.async<void>((resume) => {
        waiter.wake = () => resume(Effect.void)
        this.waiting.add(waiter)
        return Effect.sync(() => this.waiting.delete(waiter))
      })
      return Effect.matchCauseEffect(restore(turn), {
        onFailure: (cause) => {
          this.waiting.delete(waiter)
          if (waiter.promised) {
            this.promised--
            this.wakeNext()
          }
          return Effect.failCause(cause)
        },
        onSuccess: () => {
          this.promised--
          this.available--
          return Effect.void
        }
      })
    })
  }

  private release(): void {
    this.available++
    this.wakeNext()
  }

  /** Promises a free permit to the first waiter, if there is both. */
  private wakeNext(): void {
    if (this.available <= this.promised) return
    for (const waiter of this.waiting) {
      this.waiting.delete(waiter)
      waiter.promised = true
      this.promised++
      waiter.wake()
      return
    }
  }
}
