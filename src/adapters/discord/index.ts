import type { CommandDef } from '../../core/command.ts';
import type { PlatformPort } from '../../core/platform.ts';
import type { Services } from '../../core/services.ts';
import { startDiscord as start } from './client.ts';

export { commandJson, commandsJson, deployCommands } from './register.ts';
export { renderMessage } from './render.ts';

/** The Discord adapter, as src/main.ts starts it when DISCORD_TOKEN is set. */
export async function startDiscord(
  services: Services,
  commands: readonly CommandDef[],
  options: { apiUrl?: string } = {},
): Promise<{ port: PlatformPort; stop(): Promise<void>; connected(): boolean }> {
  const running = await start(services, commands, options);
  return { port: running.port, stop: running.stop, connected: () => running.client.isReady() };
}
