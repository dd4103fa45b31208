export { startSlack, type SlackStartOptions, type RunningSlack } from './start.ts';
export { renderMessage } from './render.ts';
export { routeSlashCommand, ownSlashCommands, UMBRELLA } from './commands.ts';
export { buildManifest } from './manifest.ts';
