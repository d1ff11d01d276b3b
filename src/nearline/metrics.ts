/** The nearline refresher's lag and throughput on /metrics. */
import client from 'prom-client';
import type { Nearline } from './refresher.ts';

export function nearlineMetrics(register: client.Registry, refresher: Nearline): void {
  // With Kafka: which replica publishes the store's change feed (one at a time).
  if ('publishes' in refresher)
    new client.Gauge({
      name: 'skillgraph_kafka_publisher',
      help: 'Whether this replica publishes the change feed to Kafka now (1) or not (0)',
      registers: [register],
      collect() {
        this.set(refresher.publishes ? 1 : 0);
      },
    });
  new client.Gauge({
    name: 'skillgraph_nearline_lag_events',
    help: 'Change events written but not yet applied to the embeddings',
    registers: [register],
    async collect() {
      this.set(await refresher.lagEvents());
    },
  });
  new client.Gauge({
    name: 'skillgraph_nearline_lag_seconds',
    help: 'Age of the oldest change event not yet applied (0 when caught up)',
    registers: [register],
    async collect() {
      this.set(await refresher.lagSeconds());
    },
  });
  new client.Gauge({
    name: 'skillgraph_nearline_position',
    help: 'Sequence number of the last change event applied',
    registers: [register],
    collect() {
      this.set(refresher.stats.position);
    },
  });
  new client.Gauge({
    name: 'skillgraph_nearline_events_applied',
    help: 'Change events applied since start',
    registers: [register],
    collect() {
      this.set(refresher.stats.applied);
    },
  });
  new client.Gauge({
    name: 'skillgraph_nearline_nodes_refreshed',
    help: 'Member and job embeddings recomputed since start',
    registers: [register],
    collect() {
      this.set(refresher.stats.refreshed);
    },
  });
}
