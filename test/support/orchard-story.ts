import { rescuePlainText } from '../../src/rescue/rescue-plain-text.js'
import type { ImportInput } from '../../src/store/import-rescued.js'

/** An invented two-chapter story in the plain-text header style of 2000s archives. */
export const ORCHARD_STORY = `Title: The Orchard Ledger
Author: Wren Haldane
Fandom: Harvest Moon Valley
Rating: PG-13
Pairing: Ada/Tomas
Characters: Ada, Tomas, Old Pell
Summary: Ada keeps the orchard's accounts, and the accounts keep a secret.
Date: 2003-09-14

Chapter 1: Ledger

Ada opened the ledger at the kitchen table and read the columns twice before she believed them.

"Forty bushels short," she said to nobody. The kettle answered for her.

Chapter 2: Orchard

Tomas came up the lane at dusk with a lantern and a basket of windfalls.

"Old Pell sold them at the crossroads," he said. "I followed the cart."

END
`

/** What an import of `text` (the orchard story by default) stores: today's rescue of its bytes. */
export function anOrchardImport(text: string = ORCHARD_STORY, fileName = 'orchard-ledger.txt'): ImportInput {
  const bytes = new TextEncoder().encode(text)
  return { rescued: rescuePlainText(bytes, fileName), bytes, fileName }
}
