// Lint Cypher statements with Neo4j's own parser and semantic analysis, offline.
//
// stdin:  {"dbSchema": {...}, "queries": [{"text": "...", "parameters": {"name": value}}]}
//         dbSchema as @neo4j-cypher/language-support's DbSchema (labels, relationshipTypes,
//         propertyKeys, graphSchema, ...); each query's parameters become dbSchema.parameters.
//         "builtins": true adds the package's registry of Neo4j 5's built-in functions and
//         procedures (its `testData.mockSchema`), so an unknown function is reported too.
// stdout: {"results": [{"diagnostics": [{"severity": 1, "message": "...", "offsets": {...}}]}]}
//         severity 1 = error, 2 = warning (unknown label, type or property).
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

function builtinsOnly(registry) {
  const result = {};
  for (const [version, entries] of Object.entries(registry ?? {})) {
    result[version] = Object.fromEntries(
      Object.entries(entries).filter(([name, entry]) => entry.isBuiltIn !== false && !name.startsWith('apoc.')),
    );
  }
  return result;
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const schema = { ...request.dbSchema };
if (request.builtins) {
  schema.functions = builtinsOnly(testData.mockSchema.functions);
  schema.procedures = builtinsOnly(testData.mockSchema.procedures);
}

const results = request.queries.map(({ text, parameters }) => {
  const { diagnostics } = lintCypherQuery(text, { ...schema, parameters: parameters ?? {} });
  return {
    diagnostics: diagnostics.map(({ severity, message, offsets }) => ({ severity, message, offsets })),
  };
});
process.stdout.write(JSON.stringify({ results }));
