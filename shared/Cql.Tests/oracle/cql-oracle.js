'use strict';
// Oracle for the C# CQL client: runs the official DataStax Node.js driver's own request writers
// (lib/requests.js + lib/writers.js + lib/encoder.js) and response reader (lib/streams.js Parser,
// which uses lib/readers.js + lib/encoder.js) without a server.
// stdin:  {"requests": [case...], "responses": [{"name", "frame": hex}...]}
// stdout: {"requests": {name: {"hex", "timestamp"}}, "responses": {name: description}}
// Usage: node cql-oracle.js <path of tools/node/node_modules>
const path = require('path');

const modules = process.argv[2];
if (!modules) {
  fail('usage: node cql-oracle.js <node_modules directory holding cassandra-driver>');
}
let driverRoot;
try {
  driverRoot = path.dirname(require.resolve('cassandra-driver/package.json', { paths: [modules] }));
} catch (e) {
  fail(`cassandra-driver not found under ${modules}: ${e.message}`);
}
const lib = (name) => require(path.join(driverRoot, 'lib', name));
const driverVersion = require(path.join(driverRoot, 'package.json')).version;
const requests = lib('requests');
const { ExecutionOptions } = lib('execution-options');
const types = lib('types');
const Encoder = lib('encoder');
const { Parser } = lib('streams');
const errors = lib('errors');
const { MonotonicTimestampGenerator } = lib('policies/timestamp-generation');

const PROTOCOL_V4 = 4;
// A Map keeps map entries in wire order and allows non-string keys.
const encoder = new Encoder(PROTOCOL_V4, { encoding: { map: Map } });

function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(2);
}

// ---------- CQL type syntax -> driver type objects ----------
const typeCodes = {
  ascii: 0x01, bigint: 0x02, blob: 0x03, boolean: 0x04, counter: 0x05, double: 0x07, int: 0x09,
  timestamp: 0x0b, uuid: 0x0c, varchar: 0x0d, text: 0x0d, timeuuid: 0x0f,
};
const typeNames = {
  0x01: 'ascii', 0x02: 'bigint', 0x03: 'blob', 0x04: 'boolean', 0x05: 'counter', 0x07: 'double', 0x09: 'int',
  0x0b: 'timestamp', 0x0c: 'uuid', 0x0d: 'varchar', 0x0f: 'timeuuid',
};

function parseType(text) {
  let pos = 0;
  function parse() {
    const match = /^\s*([a-z]+)/i.exec(text.slice(pos));
    if (!match) throw new Error(`bad type ${text}`);
    pos += match[0].length;
    const name = match[1].toLowerCase();
    const args = [];
    if (['list', 'set', 'map'].includes(name)) {
      expect('<');
      args.push(parse());
      if (name === 'map') { expect(','); args.push(parse()); }
      expect('>');
    }
    if (name === 'list') return { code: 0x20, info: args[0] };
    if (name === 'set') return { code: 0x22, info: args[0] };
    if (name === 'map') return { code: 0x21, info: args };
    if (!(name in typeCodes)) throw new Error(`unsupported type ${name}`);
    return { code: typeCodes[name], info: null };
  }
  function expect(ch) {
    while (text[pos] === ' ') pos++;
    if (text[pos] !== ch) throw new Error(`expected ${ch} at ${pos} in ${text}`);
    pos++;
  }
  return parse();
}

function typeToString(type) {
  switch (type.code) {
    case 0x20: return `list<${typeToString(type.info)}>`;
    case 0x22: return `set<${typeToString(type.info)}>`;
    case 0x21: return `map<${typeToString(type.info[0])},${typeToString(type.info[1])}>`;
    case 0x00: return `'${type.info}'`;
    default: return typeNames[type.code] || `code${type.code}`;
  }
}

// ---------- JSON values <-> driver values ----------
function toDriverValue(json, type) {
  if (json === null) return null;
  if (typeof json === 'object' && !Array.isArray(json) && json.unset === true) return types.unset;
  switch (type.code) {
    case 0x02: case 0x05: return types.Long.fromString(json);
    case 0x07: return Number(json);
    case 0x0b: return new Date(Number(json));
    case 0x0c: return types.Uuid.fromString(json);
    case 0x0f: return types.TimeUuid.fromString(json);
    case 0x03: return Buffer.from(json, 'hex');
    case 0x20: case 0x22: return json.map((item) => toDriverValue(item, type.info));
    case 0x21: return new Map(json.map(([k, v]) => [toDriverValue(k, type.info[0]), toDriverValue(v, type.info[1])]));
    default: return json;
  }
}

function fromDriverValue(value, type) {
  if (value === null || value === undefined) return null;
  switch (type.code) {
    case 0x02: case 0x05: return value.toString();
    case 0x07: return Number.isFinite(value) ? value : String(value);
    case 0x0b: return String(value.getTime());
    case 0x0c: case 0x0f: return value.toString();
    case 0x03: return value.toString('hex');
    case 0x20: case 0x22: return Array.from(value, (item) => fromDriverValue(item, type.info));
    case 0x21: return Array.from(value.entries(), ([k, v]) => [fromDriverValue(k, type.info[0]), fromDriverValue(v, type.info[1])]);
    case 0x01: case 0x0d: case 0x09: case 0x04: return value;
    default: return Buffer.isBuffer(value) ? value.toString('hex') : String(value);
  }
}

// ---------- requests ----------
// Execution options answering exactly what the case asks for (ExecutionOptions is the driver's own base class).
class CaseOptions extends ExecutionOptions {
  constructor(c, hints) {
    super();
    this.c = c;
    this.hints = hints;
    this.generated = undefined;
  }
  getConsistency() { return this.c.consistency; }
  getSerialConsistency() { return this.c.serialConsistency; }
  getFetchSize() { return this.c.pageSize; }
  getPageState() { return this.c.pagingState ? Buffer.from(this.c.pagingState, 'hex') : undefined; }
  getHints() { return this.hints; }
  isQueryTracing() { return !!this.c.tracing; }
  getCustomPayload() { return undefined; }
  getKeyspace() { return undefined; }
  isBatchCounter() { return this.c.batchType === 2; }
  isBatchLogged() { return this.c.batchType === 0; }
  getOrGenerateTimestamp() {
    if (this.c.timestamp === 'generate') {
      // What the driver does by default: a client-side monotonic timestamp.
      this.generated = new MonotonicTimestampGenerator().next(null);
      if (typeof this.generated === 'number') this.generated = types.Long.fromNumber(this.generated);
      return this.generated;
    }
    return this.c.timestamp === undefined || this.c.timestamp === null ? undefined : types.Long.fromString(this.c.timestamp);
  }
}

function valueTypes(values) { return (values || []).map((v) => parseType(v.type)); }

function driverParams(values, names) {
  return (values || []).map((v, i) => {
    const value = toDriverValue(v.value, parseType(v.type));
    return names ? { name: names[i], value } : value;
  });
}

function preparedMeta(values) { return { columns: valueTypes(values).map((type) => ({ type })) }; }

function buildRequest(c) {
  switch (c.op) {
    case 'startup': return { request: new requests.StartupRequest({ cqlVersion: c.cqlVersion }) };
    case 'options': return { request: requests.options };
    case 'authResponse': return { request: new requests.AuthResponseRequest(Buffer.from(c.token, 'hex')) };
    case 'prepare': return { request: new requests.PrepareRequest(c.cql) };
    case 'query': {
      const options = new CaseOptions(c, valueTypes(c.values));
      return { options, request: new requests.QueryRequest(c.cql, driverParams(c.values, c.names), options, !!c.names) };
    }
    case 'execute': {
      const options = new CaseOptions(c, undefined);
      return { options, request: new requests.ExecuteRequest(c.cql, Buffer.from(c.id, 'hex'), driverParams(c.values), options, preparedMeta(c.values)) };
    }
    case 'batch': {
      const hints = c.entries.map((e) => valueTypes(e.values));
      const options = new CaseOptions(c, hints);
      const queries = c.entries.map((e) => e.id
        ? { queryId: Buffer.from(e.id, 'hex'), params: driverParams(e.values), meta: preparedMeta(e.values) }
        : { query: e.cql, params: driverParams(e.values) });
      return { options, request: new requests.BatchRequest(queries, options) };
    }
    default: throw new Error(`unknown op ${c.op}`);
  }
}

function writeRequest(c) {
  const { request, options } = buildRequest(c);
  const bytes = request.write(encoder, c.streamId);
  const generated = options && options.generated;
  return { hex: bytes.toString('hex'), timestamp: generated ? generated.toString() : null };
}

// ---------- responses ----------
function describeColumns(meta) {
  return (meta.columns || []).map((col) => ({
    keyspace: meta.global_tables_spec ? meta.keyspace : col.ksname,
    table: meta.global_tables_spec ? meta.table : col.tablename,
    name: col.name,
    type: typeToString(col.type),
  }));
}

// The driver rewrites the server's message for these codes into its own sentence, so only their details compare.
const rewrittenMessages = new Set([0x1000, 0x1100, 0x1200, 0x1300, 0x1500]);

function describeError(err) {
  if (!(err instanceof errors.ResponseError)) return { kind: 'driverError', message: String(err && err.message) };
  const d = { kind: 'error', code: err.code };
  if (!rewrittenMessages.has(err.code)) d.message = err.message;
  if (err.consistencies !== undefined) d.consistency = err.consistencies;
  for (const k of ['required', 'alive', 'received', 'blockFor', 'failures', 'writeType', 'keyspace', 'functionName', 'argTypes']) {
    if (err[k] !== undefined) d[k] = err[k];
  }
  if (err.isDataPresent !== undefined) d.dataPresent = err.isDataPresent !== 0;
  if (err.queryId !== undefined) d.unknownId = err.queryId.toString('hex');
  // The driver drops an empty table name (keyspace already exists); the spec sends it as "".
  if (err.code === 0x2400) d.table = err.table || '';
  return d;
}

function describeSchemaChange(s) {
  return {
    changeType: s.schemaChangeType,
    target: s.target,
    keyspace: s.keyspace,
    name: s.table || s.udt || s.functionName || s.aggregate || '',
    argTypes: s.signature || [],
  };
}

function decodeResponse(hex) {
  const buf = Buffer.from(hex, 'hex');
  const header = types.FrameHeader.fromBuffer(buf, 0);
  const parser = new Parser({ objectMode: true }, encoder);
  const items = [];
  parser.push = (item) => { items.push(item); return true; };
  let thrown = null;
  parser._transform({ header, chunk: buf, offset: 9, frameEnded: true }, null, (err) => { thrown = err; });
  if (thrown) return { kind: 'driverError', message: String(thrown.message) };
  const flags = items.map((i) => i.flags).find((f) => f) || {};
  const common = {
    warnings: flags.warnings || [],
    traceId: flags.traceId ? flags.traceId.toString() : null,
  };
  const rows = [];
  let meta = null;
  for (const item of items) {
    if (item.error) return Object.assign(describeError(item.error), common);
    if (item.ready) return Object.assign({ kind: 'ready' }, common);
    if (item.mustAuthenticate) return Object.assign({ kind: 'authenticate', authenticator: item.authenticatorName }, common);
    if (item.authChallenge) return Object.assign({ kind: 'authChallenge', token: item.token ? item.token.toString('hex') : null }, common);
    if (item.supported) return Object.assign({ kind: 'supported', options: item.supported }, common);
    if (item.event) return Object.assign({ kind: 'event', eventType: item.event.eventType }, common);
    if (item.keyspaceSet !== undefined) return Object.assign({ kind: 'setKeyspace', keyspace: item.keyspaceSet }, common);
    if (item.schemaChange) return Object.assign({ kind: 'schemaChange', schemaChange: describeSchemaChange(item.schemaChange) }, common);
    if (item.id) {
      return Object.assign({
        kind: 'prepared', id: item.id.toString('hex'), variables: describeColumns(item.meta), pkIndexes: item.meta.partitionKeys || [],
      }, common);
    }
    if (item.row) {
      meta = item.meta;
      rows.push(item.meta.columns.map((c) => fromDriverValue(item.row[c.name], c.type)));
    }
    if (item.result) meta = item.result.meta;
  }
  if (meta) {
    return Object.assign({
      kind: 'rows', columns: describeColumns(meta), pagingState: meta.pageState ? meta.pageState.toString('hex') : null, rows,
    }, common);
  }
  const voidItem = items.find((i) => i.flags !== undefined && !i.frameEnded);
  if (voidItem) return Object.assign({ kind: 'void' }, common);
  return { kind: 'nothing', items: items.length };
}

// ---------- main ----------
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const cases = JSON.parse(input);
  const out = { driverVersion, requests: {}, responses: {} };
  for (const c of cases.requests || []) {
    try { out.requests[c.name] = writeRequest(c); } catch (e) { out.requests[c.name] = { error: String(e.stack || e) }; }
  }
  for (const c of cases.responses || []) {
    try { out.responses[c.name] = decodeResponse(c.frame); } catch (e) { out.responses[c.name] = { kind: 'oracleFailure', message: String(e.stack || e) }; }
  }
  process.stdout.write(JSON.stringify(out));
});
