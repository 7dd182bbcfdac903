// Prints the SQL of the analytics summary exactly as the service sends it, read from
// AnalyticsRepository.java (its WEEK, TYPE and SUMMARY constants are Java string
// concatenations, which are also valid JavaScript), so the EXPLAIN of run.sh stays in step
// with the code.
//   node bench/summary-sql.mjs [--pgbench] [path/to/AnalyticsRepository.java]
// --pgbench: as a pgbench script for no date range, the owner a variable (pgbench -D owner=UUID).
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
const WEEK = eval(constant('WEEK'));
const TYPE = eval(constant('TYPE'));
const sql = eval(constant('SUMMARY'));
process.stdout.write((pgbench ? sql.replace(/\$1\b/g, ':owner::uuid').replace(/\$[23]\b/g, 'NULL') + ';' : sql) + '\n');
