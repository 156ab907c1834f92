import type { ReaderPreferences } from '../reader-preferences.js'
import { Layout } from './layout.js'

/** A page that says what went wrong, in words for a reader, with a way home. */
export function ErrorPage({
  heading,
  message,
  preferences,
}: {
  readonly heading: string
  readonly message: string
  readonly preferences: ReaderPreferences
}) {
  return (
    <Layout title={`${heading} · Quire`} preferences={preferences}>
      <h1 safe>{heading}</h1>
      <p safe>{message}</p>
      <p>
        <a href="/">Back to the works</a>
      </p>
    </Layout>
  )
}
