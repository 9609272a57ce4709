/**
 * The version of the parser's output. Bump it in the same commit as any change that makes the parser
 * read a text differently (another item, status, date, finding, span, meta field or message for the
 * same text and page context). Library snapshots record the version that parsed them; the library
 * (lib/db) parses a snapshot with another version again when it is read, so a parser fix reaches the
 * notices saved before it. Independent of NOTICE_MODEL_VERSION, which versions the model's shape.
 */
export const PARSER_VERSION = 2;
