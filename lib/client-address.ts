import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * The address a request came from, as the sign-in limits and security events see
 * it. X-Forwarded-For is believed only when the connection comes from one of the
 * TRUSTED_PROXIES (comma-separated addresses or CIDR ranges, or proxy-addr's names
 * `loopback`, `linklocal`, `uniquelocal`), walking the header from the right past
 * trusted hops; by default no proxy is trusted and the socket's address is used,
 * so a client cannot choose its own address by sending the header.
 */
export const CLIENT_ADDRESS_HEADER = "x-claimscope-client-address";

const trusted = (process.env.TRUSTED_PROXIES ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const trust = proxyaddr.compile(trusted);

/** Replaces any client-sent copy of the header with the address the server resolved. */
export function stampClientAddress(req: IncomingMessage): void {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  const address = proxyaddr(req, trust);
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
}
