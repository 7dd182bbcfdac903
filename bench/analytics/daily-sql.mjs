// Prints the load's daily query exactly as the service sends it, read from FitnessRepository.java
// (its DAILY constant is a Java string concatenation, also valid JavaScript, calling static
// methods of its own and ShareRepository.runVisibleTo, whose bodies are such concatenations), so
// that run.sh's EXPLAIN stays in step with the code.   node bench/analytics/daily-sql.mjs
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../trainer-verticle/src/main/java/com/runningtrainer/trainer/${path}`,
  import.meta.url), 'utf8');
const source = read('analytics/FitnessRepository.java');
const m = source.match(/private static final String DAILY = ([\s\S]*?);\s*\n/);
if (!m) throw new Error('DAILY not found in FitnessRepository.java');
// "static String name(String a) { return ...; }" as JavaScript functions of an object.
const ShareRepository = {};
const own = {};
const functions = (java, scope) => {
  for (const f of java.matchAll(/static String (\w+)\(([^)]*)\) \{\s*return ([\s\S]*?);\s*\n\s*\}/g)) {
    const params = f[2].split(',').map((p) => p.trim().split(/\s+/).pop()).filter(Boolean);
    scope[f[1]] = new Function('ShareRepository', ...params, `return ${f[3]};`).bind(null, ShareRepository);
  }
};
functions(read('share/ShareRepository.java'), ShareRepository);
functions(source, own);
process.stdout.write(new Function(...Object.keys(own), 'ShareRepository', `return ${m[1]};`)(...Object.values(own),
  ShareRepository) + '\n');
