import { createSign, generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type AuthConfiguration, type AuthProvider, ConnectionManager } from "@microsoft/agents-hosting";

/** A local Entra stand-in: serves a JWKS and signs RS256 tokens with its key. */
export interface TestIssuer {
  /** The adapter's `authority`: keys are fetched from `${authority}/discovery/v2.0/keys`. */
  authority: string;
  /** The `iss` of the tokens it signs. */
  issuer: string;
  sign(claims: Record<string, unknown>): string;
  close(): Promise<void>;
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

/** `serve: false` makes a signer whose key nobody publishes (a forger's). */
export async function startTestIssuer(tenantId: string): Promise<TestIssuer> {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "test-key-1";
  const jwk = { ...(publicKey as KeyObject).export({ format: "jwk" }), kid, use: "sig", alg: "RS256" };
  const server: Server = createServer((req, res) => {
    if (req.url === `/${tenantId}/discovery/v2.0/keys`) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${tenantId}`;
  return {
    authority,
    issuer: `${authority}/v2.0`,
    sign: (claims) => signWith(privateKey, kid, claims),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A token signed by a key of its own under the same key id: what a forger could make. */
export function forgedToken(claims: Record<string, unknown>): string {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return signWith(privateKey, "test-key-1", claims);
}

function signWith(privateKey: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
  const payload = b64url(JSON.stringify({ iat: now, nbf: now, exp: now + 3600, ...claims }));
  const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(privateKey);
  return `${header}.${payload}.${b64url(signature)}`;
}

/** Hands out a fixed bearer token for the Bot Connector (MSAL refuses an http:// authority). */
export function fakeTokenProvider(token: string): AuthProvider {
  const unsupported = () => Promise.reject(new Error("not supported in tests"));
  return {
    getAccessToken: async () => token,
    getAgenticApplicationToken: unsupported,
    getAgenticInstanceToken: unsupported,
    getAgenticUserToken: unsupported,
    acquireTokenOnBehalfOf: unsupported,
  };
}

/** Assign to `adapter.connectionManager`, so outbound calls carry `Bearer <token>`. */
export function fakeConnections(config: AuthConfiguration, provider: AuthProvider): ConnectionManager {
  return new ConnectionManager(() => provider, config.connections, config.connectionsMap, config);
}
