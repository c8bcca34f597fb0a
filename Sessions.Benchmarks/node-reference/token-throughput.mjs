// Agora's reference builder in a tight loop on one thread: RTC publisher tokens per second, as JSON on stdout.
// Same inputs as Sessions.Benchmarks' "throughput" mode: usage node token-throughput.mjs SECONDS
import agora from 'agora-token';

const { RtcTokenBuilder, RtcRole } = agora;
const appId = '0123456789abcdef0123456789abcdef';
const appCertificate = 'fedcba9876543210fedcba9876543210';
const channel = 'session-3f2b8c1e9d7a4b6f8e0c1a2b3c4d5e6f';
const seconds = Number(process.argv[2] ?? 10);

const build = () => RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, channel, 1000123, RtcRole.PUBLISHER, 3600, 3600);

function run(forSeconds) {
  const end = performance.now() + forSeconds * 1000;
  let tokens = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) build();
    tokens += 100;
  }
  return tokens;
}

run(Math.min(2, seconds / 5)); // warm-up: let V8 optimise before counting
const started = performance.now();
const tokens = run(seconds);
const elapsed = (performance.now() - started) / 1000;
console.log(JSON.stringify({ builder: `agora-token ${(await import('agora-token/package.json', { with: { type: 'json' } })).default.version} on Node ${process.versions.node}`, tokens, seconds: elapsed, tokensPerSecond: Math.round(tokens / elapsed) }));
