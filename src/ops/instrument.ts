import type { PlatformPort } from '../core/platform.ts';
import { PlatformCallError } from '../core/platform-error.ts';
import { metrics } from './metrics.ts';

/** The port the scheduler posts through, counting what it sends and what the platform refuses. */
export function countedPort(port: PlatformPort): PlatformPort {
  const counted: PlatformPort = {
    name: port.name,
    async post(channel, message, options) {
      try {
        const posted = await port.post(channel, message, options);
        metrics.messages.inc({ platform: port.name, kind: message.kind });
        if (message.kind === 'digest') metrics.digests.inc({ platform: port.name });
        return posted;
      } catch (error) {
        metrics.platformErrors.inc({ platform: port.name, code: errorCode(error) });
        throw error;
      }
    },
  };
  if (port.notifyUser) {
    const notify = port.notifyUser.bind(port);
    counted.notifyUser = async (tenantId, userId, message) => {
      try {
        const sent = await notify(tenantId, userId, message);
        if (sent) metrics.messages.inc({ platform: port.name, kind: 'direct' });
        return sent;
      } catch (error) {
        metrics.platformErrors.inc({ platform: port.name, code: errorCode(error) });
        throw error;
      }
    };
  }
  return counted;
}

/** The platform's own code ("channel_not_found", "404/10003"), or what Node says about the connection. */
export function errorCode(error: unknown): string {
  if (error instanceof PlatformCallError) return error.code;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : 'unknown';
}
