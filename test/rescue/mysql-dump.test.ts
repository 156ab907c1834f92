import { describe, expect, it } from 'vitest'
import { RescueError } from '../../src/domain/errors.js'
import { MysqlDumpReader, readMysqlDump, type DumpStatement } from '../../src/rescue/mysql-dump.js'

function readAll(text: string | Uint8Array, chunkSize = Infinity): DumpStatement[] {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  const reader = new MysqlDumpReader('site.sql')
  const statements: DumpStatement[] = []
  const step = Number.isFinite(chunkSize) ? chunkSize : bytes.length
  for (let at = 0; at < bytes.length; at += step) statements.push(...reader.push(bytes.subarray(at, at + step)))
  return [...statements, ...reader.end()]
}

function rows(text: string, chunkSize?: number): Array<Record<string, unknown>> {
  return readAll(text, chunkSize).flatMap((statement) => (statement.kind === 'row' ? [statement.row] : []))
}

function failure(text: string): RescueError {
  try {
    readAll(text)
  } catch (error) {
    if (error instanceof RescueError) return error
    throw error
  }
  throw new Error('expected the dump to be refused')
}

const TABLE = "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `body` text,\n  PRIMARY KEY (`id`),\n  KEY `b` (`body`(10))\n) ENGINE=MyISAM;\n"

describe('reading a mysqldump file', () => {
  it('takes the column order from CREATE TABLE and leaves keys out of it', () => {
    const [create] = readAll(TABLE)
    expect(create).toEqual({ kind: 'create-table', table: 't', columns: ['id', 'body'], line: 1 })
  })

  it("reads MySQL's string escapes as the server wrote them", () => {
    const dump = `${TABLE}INSERT INTO \`t\` VALUES (1,'a\\nb\\rc\\td'),(2,'it\\'s \\"quoted\\" and ''doubled'''),(3,'back\\\\slash \\0 nul \\Z sub'),(4,'50\\% \\_x');\n`
    expect(rows(dump).map((row) => row['body'])).toEqual([
      'a\nb\rc\td',
      'it\'s "quoted" and \'doubled\'',
      'back\\slash \0 nul \x1a sub',
      '50\\% \\_x',
    ])
  })

  it('reads NULL, negative and decimal numbers, hex literals and a charset introducer', () => {
    const dump = "CREATE TABLE `v` (`a` int, `b` text, `c` text, `d` text);\nINSERT INTO `v` VALUES (-3,NULL,0x486921,_utf8'hey'),(1.5,X'4f4b','',12345678901234567890);\n"
    expect(rows(dump)).toEqual([
      { a: -3, b: null, c: 'Hi!', d: 'hey' },
      { a: 1.5, b: 'OK', c: '', d: '12345678901234567890' },
    ])
  })

  it('reads multi-row and repeated INSERTs, a column list, and passes LOCK TABLES and comments by', () => {
    const dump = [
      '-- MySQL dump 10.13',
      '/*!40101 SET NAMES utf8 */;',
      TABLE,
      'LOCK TABLES `t` WRITE;',
      '# a hash comment; with a semicolon',
      "INSERT INTO `t` VALUES (1,'one; not the end'),",
      "(2,'two /* not a comment */');",
      "INSERT IGNORE INTO `t` (`body`, `id`) VALUES ('three -- still text',3);",
      '/* a block comment; with a semicolon */',
      'UNLOCK TABLES;',
    ].join('\n')
    expect(rows(dump)).toEqual([
      { id: 1, body: 'one; not the end' },
      { id: 2, body: 'two /* not a comment */' },
      { body: 'three -- still text', id: 3 },
    ])
  })

  it('reads the same rows however the bytes are cut into chunks', () => {
    const dump = `${TABLE}INSERT INTO \`t\` VALUES (1,'caf\u00e9 \\'x\\''),(2,'-- b');\n`
    expect(rows(dump, 1)).toEqual(rows(dump))
    expect(rows(dump, 7)).toEqual(rows(dump))
  })

  it('reads each string as UTF-8, or as windows-1252 when it is not UTF-8', () => {
    const head = Buffer.from(`${TABLE}INSERT INTO \`t\` VALUES (1,'caf`)
    const latin1 = Buffer.concat([head, Buffer.from([0xe9]), Buffer.from("'),(2,'caf\u00e9');\n")])
    expect(readAll(latin1).flatMap((s) => (s.kind === 'row' ? [s.row['body']] : []))).toEqual(['café', 'café'])
  })

  it('names the line of each row', () => {
    const dump = `${TABLE}INSERT INTO \`t\` VALUES (1,'a'),\n(2,'multi\nline'),\n(3,'c');\n`
    expect(readAll(dump).flatMap((s) => (s.kind === 'row' ? [s.line] : []))).toEqual([7, 8, 10])
  })

  it('streams from an async source', async () => {
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(TABLE)
      yield Buffer.from("INSERT INTO `t` VALUES (1,'a');")
    }
    const statements: DumpStatement[] = []
    for await (const statement of readMysqlDump(chunks(), 'site.sql')) statements.push(statement)
    expect(statements.map((s) => s.kind)).toEqual(['create-table', 'row'])
  })
})

describe('refusing a malformed dump', () => {
  it('names the line where a dump cut short inside a string began', () => {
    const error = failure(`${TABLE}INSERT INTO \`t\` VALUES (1,'a'),\n(2,'cut sho`)
    expect(error.code).toBe('QUIRE_RESCUE_BAD_ARCHIVE')
    expect(error.message).toMatch(/^site\.sql:8: ends inside a quoted string begun on line 8/u)
  })

  it('names the statement a dump cut short between rows began on', () => {
    const error = failure(`${TABLE}\nINSERT INTO \`t\` VALUES (1,'a'),\n(2,`)
    expect(error.message).toMatch(/^site\.sql:8: ends inside the statement begun on line 8 \("INSERT INTO `t` VALUES/u)
  })

  it('names the line of a row with too few values', () => {
    const error = failure(`${TABLE}INSERT INTO \`t\` VALUES (1,'a'),\n(2);\n`)
    expect(error.message).toBe('site.sql:8: a row of `t` has 1 values for 2 columns')
  })

  it('names the line of a value it cannot read', () => {
    const error = failure(`${TABLE}INSERT INTO \`t\` VALUES\n(1,NOW());\n`)
    expect(error.message).toMatch(/^site\.sql:8: expected a value/u)
  })

  it('refuses rows of a table whose columns it was never told', () => {
    const error = failure("INSERT INTO `x` VALUES (1);\n")
    expect(error.message).toMatch(/^site\.sql:1: INSERT INTO `x` names no columns/u)
  })
})
