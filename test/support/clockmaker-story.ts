/**
 * One invented story in the shapes an archive meets it in: a plain-text file and an HTML page
 * of the same words, with typewriter quotes and dashes in one and typographic ones in the other.
 */
export const CLOCKMAKER_TEXT = `Title: The Clockmaker's Apprentice
Author: Wren Halloway
Fandom: Original Work
Rating: PG

Summary: A broken clock, a patient teacher, and a very long afternoon.

* * *

The shop smelled of brass and lamp oil, and every clock on the wall disagreed about the time.

"Hold it steady," said Mistress Ambrel. "Gears don't forgive a shaking hand."

Tobin held it steady -- or tried to -- while the afternoon crept past the window.

END
`

export const CLOCKMAKER_HTML = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>The Clockmaker&rsquo;s Apprentice</title></head>
<body>
<h1>The Clockmaker&rsquo;s Apprentice</h1>
<p><b>Author:</b> Wren Halloway<br>
<b>Fandom:</b> Original Work<br>
<b>Rating:</b> PG</p>
<p><b>Summary:</b> A broken clock, a patient teacher, and a very long afternoon.</p>
<hr>
<p>The shop smelled of brass and lamp oil, and every clock on the wall
disagreed about the time.</p>
<p>&ldquo;Hold it steady,&rdquo; said Mistress Ambrel. &ldquo;Gears don&rsquo;t forgive a shaking hand.&rdquo;</p>
<p>Tobin held it steady &mdash; or tried to &mdash; while the afternoon crept past the window.</p>
<p>END</p>
</body></html>
`
