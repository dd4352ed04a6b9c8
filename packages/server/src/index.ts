/** The Victim Portal reference service. */
export { createApp, contractValidator, type AppOptions } from './app.js';
export { startServer, type RunningServer, type ServerOptions } from './server.js';
export { createDatabase, migrateToLatest, type DatabaseOptions } from './db/connection.js';
export { ContractValidator, type OperationSpec } from './http/validation.js';
export { defaultSessionPolicy, type SessionPolicy } from './auth/victim-session.js';
export { DevMailbox, type MailboxMessage } from './outbox/dev-mailbox.js';
export type { NotificationSender } from './outbox/sender.js';
export type { RenderedNotification } from './outbox/templates.js';
