import type { IncomingMessage } from 'node:http';

/**
 * The TCP peer's address, set by PayCenter's own HTTP entries (scripts/serve.ts, the test bridge)
 * from the socket. Route handlers never see the socket, and Next only fills X-Forwarded-For with it
 * when the client sent none, so this is the one value a client cannot choose.
 */
export const PEER_HEADER = 'x-paycenter-peer';

/** Replaces any client-sent copy of PEER_HEADER (Node folds every spelling into this one key). */
export function stampPeerAddress(request: IncomingMessage): void {
  delete request.headers[PEER_HEADER];
  const peer = request.socket.remoteAddress;
  if (peer) request.headers[PEER_HEADER] = peer;
}
