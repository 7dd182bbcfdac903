// Where the JVM's CPU went, from a JFR recording made by `PROFILE=1 bench/run.sh`:
//   node bench/jfr-hot.mjs bench/results/latest/jfr-plan-get.jfr [top-N]
// Prints the share of execution samples per thread, per top frame (self time), and per
// "area" (the first frame of the stack that falls into a known library: a rough inclusive
// view of what the samples were doing: JSON logging, JWT checks, OpenAPI validation, ...).
import { execFileSync } from 'node:child_process';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/jfr-hot.mjs FILE.jfr [top-N]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const json = execFileSync('jfr', ['print', '--json', '--stack-depth', '64', '--events', 'jdk.ExecutionSample', file],
  { maxBuffer: 1 << 30 }).toString();
const events = JSON.parse(json).recording.events;

// Checked top-down on each stack (innermost first): the first match names the area.
const AREAS = [
  ['JSON access/app logging (logback, logstash encoder)', /^(ch\.qos\.logback|net\.logstash|com\.fasterxml\.jackson\.core\.json\.WriterBasedJsonGenerator)/],
  ['JWT verification (RSA signature, claims)', /^(io\.vertx\.ext\.auth\.jwt|io\.vertx\.ext\.auth\.impl\.jose|sun\.security\.rsa|java\.math\.BigInteger|sun\.security\.util)/],
  ['OpenAPI request validation / JSON schema', /^(io\.vertx\.openapi|io\.vertx\.json\.schema|io\.vertx\.ext\.web\.openapi)/],
  ['PostgreSQL client (encode/decode)', /^io\.vertx\.pgclient|^io\.vertx\.sqlclient/],
  ['JSON encoding of responses', /^(io\.vertx\.core\.json|com\.fasterxml\.jackson)/],
  ['metrics (micrometer)', /^(io\.micrometer|io\.vertx\.micrometer)/],
  ['Vert.x web routing/handlers', /^io\.vertx\.ext\.web/],
  ['Vert.x HTTP server / Netty', /^(io\.vertx\.core\.http|io\.vertx\.core\.net|io\.netty)/],
  ['application code', /^com\.runningtrainer/],
];

const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const threads = new Map();
const selfFrames = new Map();
const areas = new Map();
for (const e of events) {
  const frames = e.values.stackTrace?.frames ?? [];
  const name = (f) => `${f.method.type.name}.${f.method.name}`;
  count(threads, (e.values.sampledThread?.javaName ?? '?').replace(/-\d+$/, '-N'));
  if (frames.length) count(selfFrames, name(frames[0]));
  let area = 'other (JDK, GC support, ...)';
  for (const f of frames) {
    const hit = AREAS.find(([, re]) => re.test(f.method.type.name));
    if (hit) { area = hit[0]; break; }
  }
  count(areas, area);
}

const print = (title, map, n) => {
  console.log(`\n${title}`);
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
    .forEach(([k, v]) => console.log(`  ${(100 * v / events.length).toFixed(1).padStart(5)} %  ${k}`));
};
console.log(`${events.length} execution samples in ${file}`);
print('by thread', threads, 10);
print('by area (innermost library frame on the stack)', areas, 20);
print('by top frame (self time)', selfFrames, top);
