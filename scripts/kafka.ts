/** `npm run kafka`: runs Apache Kafka (KRaft, one node) in the foreground (KAFKA_PORT, KAFKA_DATA_DIR). */
import { missingTools } from './neo4j-launcher.ts';
import { startKafka } from './kafka-launcher.ts';

const missing = missingTools();
if (missing) {
  console.error(
    `Cannot start Kafka: ${missing}. Install Java 17+ and Maven, or point SKILLGRAPH_KAFKA_BROKERS at yours.`,
  );
  process.exit(1);
}
const kafka = await startKafka({
  port: Number(process.env.KAFKA_PORT ?? 9092),
  dataDir: process.env.KAFKA_DATA_DIR ?? 'data/kafka',
  inheritOutput: true,
});
console.error(
  `Kafka is up at ${kafka.brokers}. Use SKILLGRAPH_KAFKA_BROKERS=${kafka.brokers} (with SKILLGRAPH_STORE=neo4j) npm start. Ctrl-C stops it.`,
);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void kafka.stop().then(() => process.exit(0)));
kafka.process.on('exit', (code) => process.exit(code ?? 1));
