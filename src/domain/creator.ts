import type { Brand } from './brand.js'

export type CreatorId = Brand<number, 'CreatorId'>

/** A public name a work is credited to; a rescued work's creator may have no account yet. */
export type Creator = Readonly<{ id: CreatorId; name: string }>
