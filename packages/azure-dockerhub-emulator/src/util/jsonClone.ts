/** A deep copy of a JSON value (what JSON cannot hold, such as undefined members, is dropped). */
export const jsonClone = <T>(value: T): T => JSON.parse(JSON.stringify(value));
