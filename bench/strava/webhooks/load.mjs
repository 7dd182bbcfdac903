// Posts Strava webhook events as fast as CONCURRENCY requests in flight allow, for WARMUP then
// DURATION seconds, each event new (its own object id), and prints one JSON line: acknowledgements
// (200s) per second, latency percentiles of the measured part, and every other status counted.
//
//   node load.mjs URL CONCURRENCY WARMUP_SECONDS DURATION_SECONDS
import http from 'node:http';

const [url, concurrency = '32', warmup = '20', duration = '20'] = process.argv.slice(2);
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) });
let nextObject = 9_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1_000;

function event() {
  nextObject += 1;
  return JSON.stringify({
    aspect_type: 'create', event_time: Math.floor(Date.now() / 1000), object_id: nextObject,
    object_type: 'activity', owner_id: 999_999_999, subscription_id: 1, updates: {},
  });
}

function post() {
  const body = event();
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const request = http.request({
      host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
    });
    request.on('error', () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
    request.end(body);
  });
}

async function phase(seconds) {
  const end = Date.now() + seconds * 1000;
  const latencies = [];
  const statuses = {};
  const started = Date.now();
  await Promise.all(Array.from({ length: Number(concurrency) }, async () => {
    while (Date.now() < end) {
      const { status, ms } = await post();
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 200) latencies.push(ms);
    }
  }));
  return { latencies, statuses, seconds: (Date.now() - started) / 1000 };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

await phase(Number(warmup));
const { latencies, statuses, seconds } = await phase(Number(duration));
latencies.sort((a, b) => a - b);
console.log(JSON.stringify({
  url, concurrency: Number(concurrency), seconds,
  acknowledged_per_second: Math.round(latencies.length / seconds),
  p50_ms: +percentile(latencies, 50).toFixed(2), p99_ms: +percentile(latencies, 99).toFixed(2),
  max_ms: +latencies[latencies.length - 1].toFixed(2), statuses,
}));
agent.destroy();
