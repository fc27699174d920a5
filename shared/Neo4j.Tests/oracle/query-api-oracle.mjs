// Oracle for the C# Neo4j Query API client: runs the official wrapper's own codec
// (lib/http-connection/query.codec.js of @neo4j-labs/experimental-query-api-wrapper) without a server.
// stdin:  {"requests": [{name, statement, mode, bookmarks, impersonatedUser, timeoutMs, parameters: {k: tagged}}],
//          "responses": [{name, contentType, body}], "auth": [{name, scheme, principal, credentials}]}
// stdout: {"requests": {name: body | {"throws": message}},
//          "responses": {name: {"keys", "rows", "bookmarks", "counters"} | {"error": {code, message}} | {"throws": message}},
//          "authorizations": {name: header | {"throws": message}}}
// Values cross as tagged JSON ({"t": "int", "v": "42"} ...): plain JSON cannot tell 1 from 1.0 or hold 2^63-1.
// Usage: node query-api-oracle.mjs <tools/node/node_modules>
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./wrapper-loader.mjs', import.meta.url);
const modules = process.argv[2];
if (!modules) {
  process.stderr.write('usage: node query-api-oracle.mjs <node_modules holding @neo4j-labs/experimental-query-api-wrapper>\n');
  process.exit(2);
}
const lib = (path) => import(pathToFileURL(`${modules}/${path}`).href);
const { QueryRequestCodec, QueryResponseCodec } = await lib('@neo4j-labs/experimental-query-api-wrapper/lib/http-connection/query.codec.js');
const core = await lib('neo4j-driver-core/lib/index.js');
const { int, isInt } = core;

// ---------- tagged -> JS values, as a user of the wrapper would pass them ----------
function toJs(tagged) {
  const v = tagged.v;
  switch (tagged.t) {
    case 'null': return null;
    case 'bool': return v;
    case 'int': return int(v);
    case 'float': return Number(v);
    case 'string': return v;
    case 'bytes': return Uint8Array.from(Buffer.from(v, 'base64'));
    case 'list': return v.map(toJs);
    case 'map': return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJs(x)]));
    case 'date': return new core.Date(int(v.y), int(v.m), int(v.d));
    case 'localtime': return new core.LocalTime(int(v.h), int(v.mi), int(v.s), int(v.ns));
    case 'time': return new core.Time(int(v.h), int(v.mi), int(v.s), int(v.ns), int(v.offset));
    case 'localdatetime': return new core.LocalDateTime(int(v.y), int(v.m), int(v.d), int(v.h), int(v.mi), int(v.s), int(v.ns));
    case 'datetime':
      return new core.DateTime(int(v.y), int(v.m), int(v.d), int(v.h), int(v.mi), int(v.s), int(v.ns), int(v.offset), v.zone ?? undefined);
    case 'duration': return new core.Duration(int(v.months), int(v.days), int(v.seconds), int(v.ns));
    case 'point': return new core.Point(int(v.srid), Number(v.x), Number(v.y), v.z == null ? undefined : Number(v.z));
    default: throw new Error(`unknown tag ${tagged.t}`);
  }
}

// ---------- decoded JS values -> tagged, to compare with what the C# decoder made ----------
const text = (n) => (isInt(n) ? n.toString() : String(n));
const float = (n) => (Object.is(n, -0) ? '-0' : String(n));

function describe(value) {
  if (value === null || value === undefined) return { t: 'null' };
  if (typeof value === 'boolean') return { t: 'bool', v: value };
  if (isInt(value) || typeof value === 'bigint') return { t: 'int', v: value.toString() };
  if (typeof value === 'number') return { t: 'float', v: float(value) };
  if (typeof value === 'string') return { t: 'string', v: value };
  if (value instanceof Uint8Array) return { t: 'bytes', v: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return { t: 'list', v: value.map(describe) };
  if (core.isNode(value)) return node(value);
  if (core.isRelationship(value)) return relationship(value);
  if (core.isPath(value)) {
    return {
      t: 'path',
      nodes: [node(value.start), ...value.segments.map((s) => node(s.end))],
      relationships: value.segments.map((s) => relationship(s.relationship)),
    };
  }
  if (core.isDate(value)) return { t: 'date', v: { y: text(value.year), m: text(value.month), d: text(value.day) } };
  if (core.isLocalTime(value)) return { t: 'localtime', v: clock(value) };
  if (core.isTime(value)) return { t: 'time', v: { ...clock(value), offset: text(value.timeZoneOffsetSeconds) } };
  if (core.isLocalDateTime(value)) return { t: 'localdatetime', v: { ...calendar(value), ...clock(value) } };
  if (core.isDateTime(value)) {
    return {
      t: 'datetime',
      v: { ...calendar(value), ...clock(value), offset: text(value.timeZoneOffsetSeconds), zone: value.timeZoneId ?? null },
    };
  }
  if (core.isDuration(value)) {
    return { t: 'duration', v: { months: text(value.months), days: text(value.days), seconds: text(value.seconds), ns: text(value.nanoseconds) } };
  }
  if (core.isPoint(value)) return { t: 'point', v: { srid: text(value.srid), x: float(value.x), y: float(value.y), z: value.z === undefined ? null : float(value.z) } };
  if (typeof value === 'object') return { t: 'map', v: Object.fromEntries(Object.entries(value).map(([k, x]) => [k, describe(x)])) };
  throw new Error(`cannot describe ${value}`);
}

const calendar = (v) => ({ y: text(v.year), m: text(v.month), d: text(v.day) });
const clock = (v) => ({ h: text(v.hour), mi: text(v.minute), s: text(v.second), ns: text(v.nanosecond) });
const properties = (p) => Object.fromEntries(Object.entries(p).map(([k, x]) => [k, describe(x)]));
const node = (n) => ({ t: 'node', id: n.elementId, labels: n.labels, properties: properties(n.properties) });
const relationship = (r) => ({
  t: 'relationship', id: r.elementId, start: r.startNodeElementId, end: r.endNodeElementId, type: r.type, properties: properties(r.properties),
});

// ---------- the cases ----------
function encodeRequest(c) {
  const parameters = Object.fromEntries(Object.entries(c.parameters ?? {}).map(([k, v]) => [k, toJs(v)]));
  const bookmarks = { isEmpty: () => (c.bookmarks ?? []).length === 0, values: () => c.bookmarks ?? [] };
  const txConfig = c.timeoutMs == null ? {} : { timeout: int(c.timeoutMs) };
  const config = { bookmarks, txConfig, mode: c.mode ?? undefined, impersonatedUser: c.impersonatedUser ?? undefined };
  return QueryRequestCodec.of({ scheme: 'basic', principal: 'neo4j', credentials: 'secret' }, c.statement, parameters, config).body;
}

function decodeResponse(c) {
  const codec = QueryResponseCodec.of({}, c.contentType, structuredClone(c.body));
  if (codec.error) return { error: { code: codec.error.code, message: codec.error.message } };
  const keys = codec.keys;
  const rows = [...codec.stream()].map((row) => row.map(describe));
  const meta = codec.meta;
  const counters = Object.fromEntries(Object.entries(meta.stats).map(([k, v]) => [k, typeof v === 'boolean' ? v : text(v)]));
  return { keys, rows, bookmarks: meta.bookmark ?? [], counters };
}

function attempt(f) {
  try {
    return f();
  } catch (e) {
    return { throws: String(e.message ?? e) };
  }
}

const input = JSON.parse(await new Promise((done) => {
  let data = '';
  process.stdin.on('data', (chunk) => (data += chunk)).on('end', () => done(data));
}));
const output = { requests: {}, responses: {}, authorizations: {} };
for (const c of input.requests ?? []) output.requests[c.name] = attempt(() => encodeRequest(c));
for (const c of input.responses ?? []) output.responses[c.name] = attempt(() => decodeResponse(c));
for (const c of input.auth ?? []) {
  output.authorizations[c.name] = attempt(() => QueryRequestCodec.of({ scheme: c.scheme, principal: c.principal, credentials: c.credentials }, 'RETURN 1', {}, {}).authorization);
}
process.stdout.write(JSON.stringify(output));
