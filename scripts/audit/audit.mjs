// Runs the GraphQL-over-HTTP conformance audit of the graphql-http package
// against a running peacegraph endpoint and fails on any MUST or SHOULD
// failure. MAY results are printed but never fail the run: they are
// optional in the specification.
//
// Usage: node scripts/audit/audit.mjs http://127.0.0.1:8080/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint URL>');
  process.exit(2);
}

const results = await auditServer({ url });

const counts = { ok: 0, warn: 0, error: 0 };
const failures = [];
for (const r of results) {
  counts[r.status] += 1;
  const mark = r.status === 'ok' ? 'ok  ' : r.status === 'warn' ? 'WARN' : 'FAIL';
  console.log(`${mark} ${r.id} ${r.name}`);
  if (r.status !== 'ok') {
    console.log(`     ${r.reason}`);
    if (r.response) {
      console.log(`     response: ${r.response.status} ${r.response.headers.get('content-type') ?? ''}`);
    }
    // "error" is a MUST failure, "warn" a SHOULD failure; MAY items are
    // reported as warnings by name only.
    if (!r.name.startsWith('MAY ')) failures.push(r);
  }
}

const must = failures.filter((r) => r.name.startsWith('MUST ')).length;
const should = failures.filter((r) => r.name.startsWith('SHOULD ')).length;
console.log(`\n${results.length} audits: ${counts.ok} ok, ${counts.warn} warnings, ${counts.error} errors; ${must} MUST and ${should} SHOULD failures`);
process.exit(must + should > 0 ? 1 : 0);
