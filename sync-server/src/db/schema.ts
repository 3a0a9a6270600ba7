/**
 * The workspace database (MySQL 8 / MariaDB 10.6+). JSON columns are LONGTEXT on MariaDB,
 * so structured values are stored as text and parsed explicitly by the repositories.
 * Timestamps are milliseconds since the epoch in BIGINT columns, as everywhere else.
 */
export * from './schema/team';
export * from './schema/chats';
export * from './schema/message-activity';
export * from './schema/automation';
export * from './schema/integrations';
export * from './schema/reports';
