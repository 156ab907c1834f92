import type { Flag } from './schema.js'

/** A boolean as the 0/1 integer both databases store. */
export function toFlag(value: boolean): Flag {
  return value ? 1 : 0
}

/** The boolean a stored 0/1 integer stands for. */
export function isSet(flag: Flag): boolean {
  return flag === 1
}
