// `npm run deploy:discord`: registers the slash commands of commands/index.ts with Discord.
// Guild-scoped when DISCORD_GUILD_ID is set (shows up at once, for development), global otherwise
// (every server the bot is in; Discord may take a while to show changes). Run it again after
// changing a command's name, options or permissions.
import { commands } from '../commands/index.ts';
import { deployCommands } from '../src/adapters/discord/register.ts';
import { type Config, ConfigError, loadConfig, loadDotEnv } from '../src/config.ts';

async function deploy(): Promise<number> {
  let config: Config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  if (!config.DISCORD_TOKEN || !config.DISCORD_APP_ID) {
    process.stderr.write('deploy:discord needs DISCORD_TOKEN (the bot token) and DISCORD_APP_ID (the Application ID) from the Discord developer portal.\n');
    return 1;
  }
  const stored = await deployCommands(commands, {
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APP_ID,
    guildId: config.DISCORD_GUILD_ID,
    apiUrl: config.DISCORD_API_URL,
  });
  const where = config.DISCORD_GUILD_ID ? `in guild ${config.DISCORD_GUILD_ID}` : 'globally';
  console.log(`Registered ${stored.length} commands ${where}: ${stored.map((command) => `/${command.name}`).join(', ')}`);
  return 0;
}

process.exitCode = await deploy().catch((error: unknown) => {
  process.stderr.write(`deploy:discord failed: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
