// An invented Automated Archive: ARCHIVE_DB.pl as the Perl archive wrote it, and its story
// files. No real fan fiction: every name, address and story is made up.

export const ARCHIVE_DB = `# ARCHIVE_DB.pl -- written by the archive; do not edit by hand
%FILES = (

1 => {
\tTitle => 'The Keeper\\'s Log',
\tAuthor => 'Wren Halloway',
\tEmail => 'wren@example.org',
\tFandom => 'Lighthouse Keepers',
\tCategory => 'Drama, Slash',
\tRating => 'PG-13',
\tSummary => 'A log kept through one <i>long</i> winter.',
\tKeywords => 'winter, storms',
\tLocation => 'wren/keepers-log',
\tFileType => 'html',
\tDate => '01/30/00',
},

2 => {
\tTitle => q(Harbour Lights (Revised)),
\tAuthor => "Tamsin Reed",
\tEmailAuthor => 'tamsin@example.net',
\tRating => 'NC-17',
\tSummary => qq{Two ships, "one" harbour.\\nAnd a storm.},
\tLocation => 'tamsin/harbour',
\tFileType => 'txt',
\tDate => '12/01/99',
},

3 => {
\tTitle => 'Elsewhere',
\tAuthor => 'Odile Marsh',
\tLocationURL => 'http://example.com/elsewhere.html',
},

);
1;
`

export const KEEPERS_LOG_HTML = `<html><head><title>The Keeper's Log</title></head>
<body>
<p>Title: The Keeper's Log<br>
Author: Wren Halloway (wren@example.org)</p>
<p>The first entry was written on the night the lamp failed, in a hand that shook a little.</p>
<p>The second entry was steadier: the oil had come, and the glass was clean again.</p>
<p>By the third, the keeper had stopped counting the days and started counting the ships.</p>
</body></html>
`

// windows-1252 bytes, as the archive's 1999 uploads were: "café" is 0xE9.
export const HARBOUR_TXT = Buffer.concat([
  Buffer.from('The harbour lights came on one by one, and the caf', 'latin1'),
  Buffer.from([0xe9]),
  Buffer.from(' on the quay stayed open late for the crews.\r\n\r\nNobody asked where the second ship had gone.\r\n', 'latin1'),
])
