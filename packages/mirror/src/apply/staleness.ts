/**
 * The rule that keeps an event from making a row older than a read stored.
 *
 * OFS events carry no version, and a read (the snapshot, or a read made to resolve an event) has no
 * position in the event log. But polls do: a poll that brings fewer events than asked for reached
 * the end of the log when OFS answered it. So every row records `read_seq`, the number of polls
 * applied when it was read, and the mirror records `last_head_poll`, the number of the last poll
 * that reached the end. An event in poll `j` about a row read after poll `r` (`read_seq = r`):
 *
 * - if some poll `h` with `r < h < j` reached the end, every event the read could have seen was in
 *   a poll up to `h`, so this one came after the read: its changes are merged onto the row;
 * - otherwise the event may be older or newer than the read: the entity is read again (once per
 *   poll, whatever its number of events), which can only make the row newer.
 *
 * Rows made from a created event, and rows the mirror never read, have nothing to be older than.
 * A delete always wins (OFS never reuses an id).
 */

/** Whether the events of the poll being applied are all newer than the row's last read. */
export const eventsAreNewer = (rowReadSeq: number, lastHeadPollBefore: number): boolean =>
  lastHeadPollBefore > rowReadSeq

/** The `read_seq` of a row made from events alone: no read to be older than. */
export const neverRead = -1
