// A half-open span of real time [start, end). Shared by the time helpers and the
// slot engine so neither has to depend on the other's module.
export type Interval = { start: Date; end: Date };
