// The entry points main.ts and the adapters use.
export { startScheduler, type SchedulerHandle, type TickReport } from './scheduler.ts';
export { ensureDemoFeed, addFeed, removeFeed, feedStatusViews } from '../feeds/subscribe.ts';
export { createNewsroom, type Newsroom } from './newsroom.ts';
export { deliverDigest } from '../digest/deliver.ts';
