/** The nearline refresher's lag and throughput on /metrics. */
import client from 'prom-client';
import type { Nearline } from './refresher.ts';

export function nearlineMetrics(register: client.Registry, refresher: Nearline): void {
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
    collect() {
      this.set(refresher.stats.lagSeconds);
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
