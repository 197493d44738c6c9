export { createDatetimeServer, type DatetimeServerOptions } from './datetime-server.ts';
export { addDuration, type Duration } from './add-duration.ts';
export { parseInstant, parseIsoDateTime } from './iso-parse.ts';
export { canonicalTimeZone, formatZoned, instantFromLocal } from './zone-math.ts';
