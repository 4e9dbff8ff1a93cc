/** The services one running server is composed of, handed to the HTTP and WebSocket layers. */
import type { AuditLog } from './storage/audit';
import type { ContentCipher } from './storage/content-cipher';
import type { ConnectionRegistry } from './rooms/connections';
import type { Directory } from './access/directory';
import type { Grants } from './access/grants';
import type { Logger } from './log';
import type { MonitorIndex } from './monitor/monitor-index';
import type { ResolvedOptions } from './options';
import type { RoomRegistry } from './rooms/rooms';
import type { Sessions } from './access/sessions';
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
  /** The monitor's index of case and meeting facts. */
  monitor: MonitorIndex;
}
