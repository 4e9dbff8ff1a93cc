/** WebSocket close codes the server uses (docs/design.md, "WebSocket"). */
export const CloseCode = {
  /** Server shutting down. */
  goingAway: 1001,
  /** Message larger than the limit (sent by ws itself via maxPayload). */
  tooBig: 1009,
  /** The room could not be loaded or stored. */
  internalError: 1011,
  /** The client does not read what it is sent. */
  tryAgainLater: 1013,
  /** Text frame, undecodable or unknown message, invalid update. */
  badMessage: 4400,
  /** Missing, bad or expired token. */
  unauthorized: 4401,
  /** No grant for this room (or no such room). */
  forbidden: 4403,
  /** Not authenticated in time. */
  authTimeout: 4408,
  /** Access to the room was revoked while connected. */
  revoked: 4410,
  /** Too many connections for this user or address. */
  tooManyConnections: 4429,
} as const;
