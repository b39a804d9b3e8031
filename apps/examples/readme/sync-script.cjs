// A CommonJS script with blocking calls: no Effect, no await. Connection from OFSC_INSTANCE
// (or OFSC_BASE_URL), OFSC_CLIENT_ID and OFSC_CLIENT_SECRET.
const { createOfscSync, OfscNotFound } = require("@ofsc/sync")

const ofs = createOfscSync({
  instance: process.env.OFSC_INSTANCE,
  baseUrl: process.env.OFSC_BASE_URL,
  clientId: process.env.OFSC_CLIENT_ID,
  clientSecret: process.env.OFSC_CLIENT_SECRET
})
try {
  try {
    const shift = ofs.metadata.shifts.get("blue") // a plain object
    console.log(`shift ${shift.label}: ${shift.workTimeStart}-${shift.workTimeEnd}`)
  } catch (error) {
    if (!(error instanceof OfscNotFound)) throw error
    console.log("no shift blue")
  }
  const today = new Date().toISOString().slice(0, 10)
  const ids = []
  for (const activity of ofs.core.activities.stream({ resources: ["FLUSA"], dateFrom: today, dateTo: today })) {
    ids.push(activity.activityId) // pulls one page at a time; `break` stops fetching
  }
  console.log(`${ids.length} activities today`)
} catch (error) {
  if (!(error instanceof OfscNotFound)) throw error
  console.log(`not there: ${error.path}`)
} finally {
  ofs.close()
}
