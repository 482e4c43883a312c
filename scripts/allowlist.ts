/**
 * `npm run allowlist [-- [--out FILE] [more.graphql …]]`: writes the operation allow-list for this
 * server's own clients (the dashboard's queries and GraphiQL's default query) plus any .graphql
 * files named, to data/operation-allowlist.json unless --out says otherwise. Serve with
 * `OPERATION_ALLOWLIST=data/operation-allowlist.json npm start`. Re-run after editing a query.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { allowlistFile, clientOperations } from '../src/security/allowlist.js';

const args = process.argv.slice(2);
let out = path.join('data', 'operation-allowlist.json');
const extra: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') out = args[++i] ?? out;
  else extra.push(args[i]!);
}

const documents = clientOperations();
for (const file of extra) {
  const document = readFileSync(file, 'utf8');
  parse(document);
  documents.push({ name: path.relative(process.cwd(), file), document });
}
mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
writeFileSync(out, `${JSON.stringify(allowlistFile(documents), null, 2)}\n`);
console.log(`${out}: ${documents.length} operations (${documents.map((d) => d.name).join(', ')})`);
console.log(`serve with OPERATION_ALLOWLIST=${out}`);
