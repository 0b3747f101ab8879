import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { AppError } from '@/server/errors/app-error';
import { refuseAtDoor } from './door-refusal';

/**
 * Answers a request node's HTTP parser refused (a method token it does not know, a broken header
 * line, headers past the size limit) in its door's format instead of node's bare 400: the request
 * line is read from what arrived, when it can be. The connection is closed.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: Buffer }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const [method = '', target = ''] = (error.rawPacket?.toString('latin1') ?? '').split('\r\n', 1)[0]!.split(' ');
  const answer = refuseAtDoor({
    pathname: target.startsWith('/') ? target.split('?')[0]! : '/',
    requestId: randomUUID(),
    error: AppError.invalidFields({ '(request)': 'must be a well-formed HTTP/1.1 request' }),
    page: { text: 'Bad Request' },
  });
  void answer.text().then((body) => {
    const headers = [...answer.headers].map(([name, value]) => `${name}: ${value}\r\n`).join('');
    // A HEAD answer carries no body: its client would take the body for the start of another answer.
    const sent = method === 'HEAD' ? '' : body;
    socket.end(`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\n${headers}content-length: ${Buffer.byteLength(sent)}\r\nconnection: close\r\n\r\n${sent}`);
  });
}
