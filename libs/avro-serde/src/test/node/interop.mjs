// Interoperability check run by NpmClientInteropTest: npm's Kafka and schema-registry clients
// against the records our Java serde writes and reads, on a real broker and our real registry.
//
// Environment (all required unless noted):
//   INTEROP_BOOTSTRAP        broker bootstrap servers, comma-separated
//   INTEROP_REGISTRY_URL     schema registry base URL
//   INTEROP_RESULT_FILE      where to write the JSON result
//   INTEROP_READ_TOPIC       topic with records our Java serializer wrote
//   INTEROP_READ_COUNT       how many records (tombstones included) to read from it
//   INTEROP_WRITE_TOPIC      topic to produce to
//   INTEROP_WRITE_SUBJECT    subject to register the schema under
//   INTEROP_WRITE_SCHEMA     file holding the Avro schema (JSON) to register
//   INTEROP_WRITE_RECORDS    file holding a JSON array of {key, value} to produce
//   INTEROP_TIMEOUT_MS       optional, default 90000
import dns from 'node:dns';
import { readFile, writeFile } from 'node:fs/promises';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';

// The embedded broker advertises "localhost" but listens on IPv4 only.
dns.setDefaultResultOrder('ipv4first');

function env(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is required`);
  }
  return value;
}

const timeoutMs = Number(process.env.INTEROP_TIMEOUT_MS || 90000);
setTimeout(() => {
  console.error(`interop: gave up after ${timeoutMs} ms`);
  process.exit(3);
}, timeoutMs).unref();

// kafkajs logs go to stderr so that stdout stays readable.
const toStderr = () => ({ namespace, level, label, log }) =>
  console.error(`kafkajs ${label} [${namespace}] ${log.message}`, log.error ? `(${log.error})` : '');

const kafka = new Kafka({
  clientId: 'plainpaper-interop',
  brokers: env('INTEROP_BOOTSTRAP').split(','),
  logLevel: logLevel.WARN,
  logCreator: toStderr,
});
const registry = new SchemaRegistry({ host: env('INTEROP_REGISTRY_URL') });

async function readJavaRecords() {
  const topic = env('INTEROP_READ_TOPIC');
  const expected = Number(env('INTEROP_READ_COUNT'));
  const consumer = kafka.consumer({ groupId: `plainpaper-interop-${process.pid}-${Date.now()}` });
  const records = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            try {
              const value = message.value === null ? null : await registry.decode(message.value);
              records.push({
                partition,
                offset: message.offset,
                key: message.key === null ? null : message.key.toString('utf8'),
                schemaId: message.value === null ? null : message.value.readInt32BE(1),
                value,
              });
              if (records.length >= expected) {
                resolve();
              }
            } catch (error) {
              reject(error);
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

async function writeRecords() {
  const topic = env('INTEROP_WRITE_TOPIC');
  const subject = env('INTEROP_WRITE_SUBJECT');
  const schema = await readFile(env('INTEROP_WRITE_SCHEMA'), 'utf8');
  const toWrite = JSON.parse(await readFile(env('INTEROP_WRITE_RECORDS'), 'utf8'));
  const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject });
  const messages = [];
  for (const { key, value } of toWrite) {
    messages.push({ key, value: await registry.encode(id, value) });
  }
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
  return { subject, schemaId: id, count: messages.length };
}

try {
  const read = await readJavaRecords();
  const written = await writeRecords();
  await writeFile(env('INTEROP_RESULT_FILE'), JSON.stringify({ read, written }, null, 2));
  console.log(`interop: read ${read.length} records, wrote ${written.count} with schema id ${written.schemaId}`);
  process.exit(0);
} catch (error) {
  console.error('interop: failed:', error && error.stack ? error.stack : error);
  process.exit(1);
}
