/** The services one running server is composed of, handed to the HTTP and WebSocket layers. */
import type { AuditLog } from './audit';
import type { ContentCipher } from './content-cipher';
import type { ConnectionRegistry } from './connections';
import type { Directory } from './directory';
import type { Grants } from './grants';
import type { Logger } from './log';
import type { ResolvedOptions } from './options';
import type { RoomRegistry } from './rooms';
import type { Sessions } from './sessions';
import type { Sql } from './storage/sql';

/** Everything a request or socket handler may use. */
export interface ServerContext {
  options: ResolvedOptions;
  logger: Logger;
  sql: Sql;
  cipher: ContentCipher;
  audit: AuditLog;
  directory: Directory;
  grants: Grants;
  sessions: Sessions;
  rooms: RoomRegistry;
  connections: ConnectionRegistry;
}
