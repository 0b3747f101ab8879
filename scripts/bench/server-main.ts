// The app server under measurement, in its own process so that its memory is its own: every route
// served as the integration tests serve it (server/testing/app-server.ts). Started by
// server-process.ts with --expose-gc and an IPC channel, over which it answers memory probes.
import { startAppServer } from '@/server/testing/app-server';
import type { ProbeReply, ProbeRequest } from './server-process';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.send) throw new Error('run by scripts/bench/server-process.ts (node --expose-gc with an IPC channel)');
const send = process.send.bind(process);

const server = await startAppServer({ port: Number(process.env.PORT) });

// Peak RSS between `peak-start` and `peak-stop`, sampled often enough to see a burst of requests.
let peakRss = 0;
let sampler: NodeJS.Timeout | undefined;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage.rss()));

process.on('message', (message: ProbeRequest) => {
  if (message.type === 'memory') {
    // Twice: the first full collection can leave garbage that only finalizers freed.
    gc();
    gc();
    const { heapUsed, rss } = process.memoryUsage();
    send({ type: 'memory', heapUsed, rss } satisfies ProbeReply);
  } else if (message.type === 'peak-start') {
    peakRss = 0;
    sample();
    sampler = setInterval(sample, 10);
    send({ type: 'peak-started' } satisfies ProbeReply);
  } else if (message.type === 'peak-stop') {
    clearInterval(sampler);
    sample();
    send({ type: 'peak', peakRss } satisfies ProbeReply);
  } else if (message.type === 'stop') {
    void server.close().then(() => process.exit(0));
  }
});

send({ type: 'ready', baseUrl: server.baseUrl } satisfies ProbeReply);
