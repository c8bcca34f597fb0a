// Parses an AsyncAPI document with the official parser (@asyncapi/parser, pinned in package-lock.json) and prints
// its diagnostics as JSON: {"valid":bool,"errors":[...],"warnings":[...]}. Exits 1 on any diagnostic of severity
// error, or when the parser produced no document, so the .NET test fails with the parser's own words.
//
//   node validate.mjs <path-to-asyncapi.json>
import { readFile } from 'node:fs/promises';
import { Parser } from '@asyncapi/parser';

const [path] = process.argv.slice(2);
if (!path) {
  console.error('usage: node validate.mjs <path-to-asyncapi.json>');
  process.exit(2);
}

// Severity as @stoplight/types numbers it: 0 error, 1 warning, 2 information, 3 hint.
const describe = (d) => ({ code: d.code, message: d.message, path: d.path.join('/') });
const { document, diagnostics } = await new Parser().parse(await readFile(path, 'utf8'));
const errors = diagnostics.filter((d) => d.severity === 0).map(describe);
const warnings = diagnostics.filter((d) => d.severity === 1).map(describe);
const valid = document !== undefined && errors.length === 0;
console.log(JSON.stringify({ valid, version: document?.version() ?? null, messages: document?.allMessages().length ?? 0, errors, warnings }, null, 2));
process.exit(valid ? 0 : 1);
