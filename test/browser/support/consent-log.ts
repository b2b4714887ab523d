// A stand-in for a site's consent-log endpoint, for browser tests: it keeps
// every record the library posts, and answers with `status` (204 unless a
// test sets another, to see how the library takes a failing log).
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ConsentLogReceiver {
  /** The records received, parsed, in order. */
  readonly logged: unknown[];
  /** The status the endpoint answers with. */
  status: number;
  /** The request handler, for `useBrowser({ handlers: { '/log': receiver.handler } })`. */
  handler(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

export function consentLogReceiver(): ConsentLogReceiver {
  const receiver: ConsentLogReceiver = {
    logged: [],
    status: 204,
    async handler(request, response) {
      let body = '';
      for await (const chunk of request) body += chunk;
      receiver.logged.push(JSON.parse(body));
      response.writeHead(receiver.status).end();
    },
  };
  return receiver;
}
