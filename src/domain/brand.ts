declare const brand: unique symbol

/** A nominal type: a string or number that only a maker function may produce. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name }
