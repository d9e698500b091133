export * from './agents.js';
export * from './calls.js';
export * from './menus.js';
export * from './queues.js';
export * from './tickets.js';
export * from './users.js';
export * from './pause-reasons.js';
export * from './linkage-targets.js';
