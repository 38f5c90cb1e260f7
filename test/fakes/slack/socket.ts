import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

/**
 * The WebSocket end of Socket Mode (the URL apps.connections.open hands out), just enough for
 * @slack/socket-mode to connect: the RFC 6455 handshake, a `hello`, pongs to its pings, and the
 * closing handshake. No `ws` package: @slack/socket-mode 3 uses undici's client.
 */

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
const OPCODE = { text: 0x1, close: 0x8, ping: 0x9, pong: 0xa } as const;

export interface FakeSocketConnection {
  ticket: string;
  /** Text frames the app sent (Socket Mode acks), parsed. */
  received: unknown[];
  send(payload: object): void;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff]);
  return Buffer.concat([header, payload]);
}

/** Client frames are masked; returns each whole frame in `buffer` and what is left over. */
function readFrames(buffer: Buffer): { frames: { opcode: number; payload: Buffer }[]; rest: Buffer } {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let offset = 0;
  while (buffer.length - offset >= 6) {
    const opcode = (buffer[offset] ?? 0) & 0x0f;
    let length = (buffer[offset + 1] ?? 0) & 0x7f;
    let at = offset + 2;
    if (length === 126) {
      length = buffer.readUInt16BE(at);
      at += 2;
    }
    if (buffer.length < at + 4 + length) break;
    const mask = buffer.subarray(at, at + 4);
    const payload = Buffer.from(buffer.subarray(at + 4, at + 4 + length));
    for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
    frames.push({ opcode, payload });
    offset = at + 4 + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

export function acceptSocket(
  request: IncomingMessage,
  socket: Duplex,
  onOpen: (connection: FakeSocketConnection) => void,
): void {
  const key = request.headers["sec-websocket-key"];
  if (typeof key !== "string") {
    socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
    return;
  }
  const accept = createHash("sha1")
    .update(key + GUID)
    .digest("base64");
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  const connection: FakeSocketConnection = {
    ticket: new URL(request.url ?? "/", "http://fake").searchParams.get("ticket") ?? "",
    received: [],
    send: (payload) => socket.write(frame(OPCODE.text, Buffer.from(JSON.stringify(payload)))),
  };
  let pending: Buffer = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    const { frames, rest } = readFrames(Buffer.concat([pending, chunk]));
    pending = rest;
    for (const { opcode, payload } of frames) {
      if (opcode === OPCODE.text) connection.received.push(JSON.parse(payload.toString("utf8")));
      else if (opcode === OPCODE.ping) socket.write(frame(OPCODE.pong, payload));
      else if (opcode === OPCODE.close) socket.end(frame(OPCODE.close, payload));
    }
  });
  socket.on("error", () => socket.destroy());
  onOpen(connection);
  connection.send({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" } });
}
