import { creatorPath } from '../creator-path.js'
import { ANONYMOUS } from './credit-line.js'

/** "Jen, Kit" with each name linking to its creator's page; "Anonymous" links nowhere. */
export function CreditLinks({
  names,
  base = '',
}: {
  readonly names: readonly string[]
  /** Put before each address: a feed's links must be absolute. */
  readonly base?: string
}) {
  if (names.length === 0) return <>{ANONYMOUS}</>
  return (
    <>
      {names.map((name, index) => (
        <>
          {index > 0 && ', '}
          <a rel="author" href={`${base}${creatorPath(name)}`} safe>
            {name}
          </a>
        </>
      ))}
    </>
  )
}
