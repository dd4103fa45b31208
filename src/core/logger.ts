import pino from 'pino';

export type Logger = pino.Logger;

/** The one logger, created at start-up and passed down. Tests pass `silentLogger`. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return destination ? pino({ level }, destination) : pino({ level });
}

export const silentLogger: Logger = pino({ level: 'silent' });
