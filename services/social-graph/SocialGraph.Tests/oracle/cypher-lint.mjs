// Lints Cypher statements with Neo4j's own front end (@neo4j-cypher/language-support:
// lintCypherQuery runs Neo4j's parser and semantic analysis) against a schema that declares each
// statement's parameters and the labels, relationship types and property keys the service uses.
// stdin:  {"schema": {labels, relationshipTypes, propertyKeys}, "statements": [{name, text, parameters: [names]}]}
// stdout: {name: [{severity, message, line, character}]}
// Usage: node cypher-lint.mjs <tools/node/node_modules>
import { pathToFileURL } from 'node:url';

const modules = process.argv[2];
if (!modules) {
  process.stderr.write('usage: node cypher-lint.mjs <node_modules holding @neo4j-cypher/language-support>\n');
  process.exit(2);
}
const { lintCypherQuery } = await import(
  pathToFileURL(`${modules}/@neo4j-cypher/language-support/dist/esm/project/language-support/src/index.js`).href);

const input = JSON.parse(await new Promise((done) => {
  let data = '';
  process.stdin.on('data', (chunk) => (data += chunk)).on('end', () => done(data));
}));
const output = {};
for (const statement of input.statements) {
  const schema = { ...input.schema, parameters: Object.fromEntries(statement.parameters.map((name) => [name, null])) };
  const { diagnostics } = lintCypherQuery(statement.text, schema);
  output[statement.name] = diagnostics.map((d) => ({
    severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : String(d.severity),
    message: d.message,
    line: d.range?.start?.line,
    character: d.range?.start?.character,
  }));
}
process.stdout.write(JSON.stringify(output));
