/** Why a client message was refused; `reason` is a code for logs, never message content. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  constructor(readonly reason: string, readonly closeCode = 4400) {
    super(reason);
  }
}
