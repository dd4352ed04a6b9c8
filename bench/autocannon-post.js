// autocannon POSTing messages, each with an id of its own (a retried id would be a replay,
// answered 200 without an insert). Run by bench/message-send.js, pinned to its own core, as:
// node bench/autocannon-post.js '{"url":…,"headers":{…},"connections":50,"duration":10}'
// Prints autocannon's result as one JSON line.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

const { url, headers, connections, duration } = JSON.parse(process.argv[2]);
const result = await autocannon({
  url,
  connections,
  duration,
  requests: [
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      setupRequest: (request) => {
        const id = randomUUID();
        return { ...request, body: JSON.stringify({ id, body: `Any news on my case? (${id.slice(0, 8)})` }) };
      },
    },
  ],
});
process.stdout.write(`${JSON.stringify(result)}\n`);
