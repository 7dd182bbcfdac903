// Where the JVM's CPU went, from a JFR recording made by `PROFILE=1 bench/run.sh`:
//   node bench/jfr-hot.mjs bench/results/latest/jfr-plan-get.jfr [top-N] [thread-regex]
// thread-regex keeps the samples of the threads it matches: e.g. 'eventloop-thread-[03]$' for the
// gateway's event loops when it shares the JVM with trainer (the access log names each one's threads).
// Prints the share of execution samples per thread, per top frame (self time), and per
// "area": a sample counts for the first area of the list below that appears anywhere on its
// stack, so the first areas are inclusive (validation includes the JSON work it does).
// JFR samples Java code only: time in native calls (socket and log writes) is not counted.
import { execFileSync } from 'node:child_process';

const [file, topArg, threadArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/jfr-hot.mjs FILE.jfr [top-N]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const json = execFileSync('jfr', ['print', '--json', '--stack-depth', '64', '--events', 'jdk.ExecutionSample', file],
  { maxBuffer: 1 << 30 }).toString();
const threadFilter = threadArg ? new RegExp(threadArg) : null;
const events = JSON.parse(json).recording.events
  .filter((e) => !threadFilter || threadFilter.test(e.values.sampledThread?.javaName ?? ''));

// In order of priority: a sample belongs to the first area with a frame on its stack.
const AREAS = [
  ['OpenAPI request validation (vertx-openapi, vertx-json-schema)', /^(io\.vertx\.openapi|io\.vertx\.json\.schema|io\.vertx\.ext\.web\.openapi)/],
  ['JWT verification (signature, claims)', /^(io\.vertx\.ext\.auth|io\.vertx\.ext\.web\.handler\.impl\.(JWTAuth|HTTPAuthorization|AuthenticationHandler)|sun\.security\.rsa|com\.runningtrainer\.common\.auth)/],
  ['logging (logback, logstash encoder)', /^(ch\.qos\.logback|net\.logstash)/],
  ['PostgreSQL client', /^(io\.vertx\.pgclient|io\.vertx\.sqlclient)/],
  ['Redis client', /^io\.vertx\.redis/],
  ['metrics (micrometer)', /^(io\.micrometer|io\.vertx\.micrometer)/],
  ['JSON (Vert.x JSON, Jackson)', /^(io\.vertx\.core\.json|com\.fasterxml\.jackson)/],
  ['application code', /^com\.runningtrainer/],
  ['tracing (OpenTelemetry ids)', /^io\.opentelemetry/],
  ['circuit breaker', /^io\.vertx\.circuitbreaker/],
  ['HTTP client (WebClient, HttpClient)', /^(io\.vertx\.ext\.web\.client|io\.vertx\.core\.http\.impl\.(Http1xClient|HttpClient|ClientHttp|.*Pool)|io\.vertx\.core\.net\.impl\.pool|io\.vertx\.core\.http\.impl\.HttpClientRequest)/],
  ['Vert.x web routing and handlers', /^io\.vertx\.ext\.web/],
  ['Vert.x HTTP server, Netty', /^(io\.vertx\.core|io\.netty)/],
];

const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const threads = new Map();
const selfFrames = new Map();
const areas = new Map();
for (const e of events) {
  const frames = e.values.stackTrace?.frames ?? [];
  const type = (f) => f.method.type.name.replaceAll('/', '.'); // JFR writes some class names with slashes
  const name = (f) => `${type(f)}.${f.method.name}`;
  count(threads, (e.values.sampledThread?.javaName ?? '?').replace(/-\d+$/, '-N'));
  if (frames.length) count(selfFrames, name(frames[0]));
  const types = frames.map(type);
  const hit = AREAS.find(([, re]) => types.some((t) => re.test(t)));
  count(areas, hit ? hit[0] : 'other (JDK only: GC support, thread pools, ...)');
}

const print = (title, map, n) => {
  console.log(`\n${title}`);
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
    .forEach(([k, v]) => console.log(`  ${(100 * v / events.length).toFixed(1).padStart(5)} %  ${k}`));
};
console.log(`${events.length} execution samples in ${file}`);
print('by thread', threads, 10);
print('by area (first area of the list with a frame on the stack)', areas, 20);
print('by top frame (self time)', selfFrames, top);
