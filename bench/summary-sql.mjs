// Prints the SQL of the analytics summary exactly as the service sends it, read from
// AnalyticsRepository.java (its FIRST_DAY, COUNTED and SUMMARY constants and its SQL helpers are Java string
// concatenations, which are also valid JavaScript) and the SQL helpers of ShareRepository.java
// it calls (static methods whose bodies are such concatenations), so the EXPLAIN of run.sh stays
// in step with the code.
//   node bench/summary-sql.mjs [--pgbench] [path/to/AnalyticsRepository.java]
// --pgbench: as a pgbench script for no date range, weeks from Monday, the owner a variable (pgbench -D owner=UUID).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const pgbench = args[0] === '--pgbench';
if (pgbench) args.shift();
const file = args[0]
  ?? fileURLToPath(new URL('../trainer-verticle/src/main/java/com/runningtrainer/trainer/analytics/AnalyticsRepository.java', import.meta.url));
const source = readFileSync(file, 'utf8');
const constant = (name) => {
  const m = source.match(new RegExp(`private static final String ${name} = ([\\s\\S]*?);\\s*\\n`));
  if (!m) throw new Error(`${name} not found in ${file}`);
  return m[1];
};
// ShareRepository's "public static String name(String a, String b) { return ...; }" as JavaScript.
const shareSource = readFileSync(new URL('../trainer-verticle/src/main/java/com/runningtrainer/trainer/share/ShareRepository.java',
  import.meta.url), 'utf8');
const ShareRepository = {};
for (const m of shareSource.matchAll(/public static String (\w+)\(([^)]*)\) \{\s*return ([\s\S]*?);\s*\n\s*\}/g)) {
  const params = m[2].split(',').map((p) => p.trim().split(/\s+/).pop()).filter(Boolean);
  ShareRepository[m[1]] = new Function(...params, `return ${m[3]};`);
}
// AnalyticsRepository's own SQL helpers (e.g. weekOf), the same way.
for (const m of source.matchAll(/(?:public|private) static String (\w+)\(([^)]*)\) \{\s*return ([\s\S]*?);\s*\n\s*\}/g)) {
  const params = m[2].split(',').map((p) => p.trim().split(/\s+/).pop()).filter(Boolean);
  globalThis[m[1]] = new Function(...params, `return ${m[3]};`);
}
const FIRST_DAY = eval(constant('FIRST_DAY'));
const COUNTED = eval(constant('COUNTED'));
const sql = eval(constant('SUMMARY'));
// Parameters: $1 owner, $2 caller, $3-$8 the range cut into whole blocks and the days at its ends
// (null for no date range).
process.stdout.write((pgbench ? sql.replace(/\$[12]\b/g, ':owner::uuid').replace(/\$[3-8]\b/g, 'NULL') + ';' : sql) + '\n');
