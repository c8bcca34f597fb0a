// Reads sessions_in_progress/{educatorId} with Google's official Node client (@google-cloud/firestore) and
// prints, as one JSON line, each field's type as that client sees it, so the .NET tests can check that what
// our own gRPC client writes is a real Firestore string / timestamp, not, say, JSON text inside a string.
//
//   FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 node read-document.mjs <projectId> <educatorId>
//
// Output: {"exists":true,"fields":{"status":{"type":"string","value":"in_progress"},
//          "endedAt":{"type":"timestamp","value":{"seconds":1767225600,"nanoseconds":123456000}}, ...}}
import { Firestore, Timestamp, GeoPoint, DocumentReference } from '@google-cloud/firestore';

const [projectId, educatorId] = process.argv.slice(2);
if (!projectId || !educatorId) {
  console.error('usage: node read-document.mjs <projectId> <educatorId>');
  process.exit(2);
}
if (!process.env.FIRESTORE_EMULATOR_HOST) {
  console.error('FIRESTORE_EMULATOR_HOST is not set: this check only reads from the emulator.');
  process.exit(2);
}

function describe(value) {
  if (value === null) return { type: 'null', value: null };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  // The client returns integer_value and double_value alike as a JavaScript number.
  if (typeof value === 'number') return { type: 'number', value };
  if (value instanceof Timestamp) {
    return { type: 'timestamp', value: { seconds: value.seconds, nanoseconds: value.nanoseconds } };
  }
  if (value instanceof GeoPoint) return { type: 'geopoint', value: { latitude: value.latitude, longitude: value.longitude } };
  if (value instanceof DocumentReference) return { type: 'reference', value: value.path };
  if (value instanceof Uint8Array) return { type: 'bytes', value: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return { type: 'array', value: value.map(describe) };
  return { type: 'map', value: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, describe(v)])) };
}

const db = new Firestore({ projectId });
try {
  const snapshot = await db.collection('sessions_in_progress').doc(educatorId).get();
  const fields = snapshot.exists
    ? Object.fromEntries(Object.entries(snapshot.data()).map(([name, value]) => [name, describe(value)]))
    : {};
  console.log(JSON.stringify({ exists: snapshot.exists, fields }));
} finally {
  await db.terminate();
}
