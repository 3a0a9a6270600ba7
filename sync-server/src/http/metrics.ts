/** Prometheus metrics: one registry per application instance, so tests can run several. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type Metrics = {
  readonly registry: Registry;
  readonly commands: Counter<'command' | 'outcome'>;
  readonly commandSeconds: Histogram<'command'>;
  readonly sockets: Gauge;
  readonly eventsAppended: Counter;
  readonly pushedMessages: Counter;
  /** Wall time of a push's parts (handlers/push-laps.ts). */
  readonly pushPartSeconds: Counter<'part'>;
  readonly logins: Counter<'outcome'>;
};

export function createMetrics(opts: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaults) collectDefaultMetrics({ register: registry });
  return {
    registry,
    commands: new Counter({
      name: 'blazz_commands_total',
      help: 'Socket commands by outcome',
      labelNames: ['command', 'outcome'],
      registers: [registry],
    }),
    commandSeconds: new Histogram({
      name: 'blazz_command_seconds',
      help: 'Socket command latency',
      labelNames: ['command'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    sockets: new Gauge({
      name: 'blazz_connected_sockets',
      help: 'Sockets connected to this node',
      registers: [registry],
    }),
    eventsAppended: new Counter({
      name: 'blazz_events_appended_total',
      help: 'Rows appended to the event log',
      registers: [registry],
    }),
    pushedMessages: new Counter({
      name: 'blazz_pushed_messages_total',
      help: 'Messages received in push batches',
      registers: [registry],
    }),
    pushPartSeconds: new Counter({
      name: 'blazz_push_part_seconds_total',
      help: 'Wall time of sync:push parts, summed over pushes',
      labelNames: ['part'],
      registers: [registry],
    }),
    logins: new Counter({
      name: 'blazz_logins_total',
      help: 'Sign-in attempts by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}
