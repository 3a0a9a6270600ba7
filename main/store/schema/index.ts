export * from './accounts';
export * from './chats';
export * from './messages';
export * from './workspace';
export * from './sync';
export * from './automation';
