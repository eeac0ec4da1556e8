// The PouchDB peer of bench_sync.py: the same figures, PouchDB replication on loopback.
//
//   node benchmarks/pouchdb_peer.js --modules DIR --work DIR [--docs 100000] [--noop-runs 50]
//        [--ops 1000] [--json PATH]
//
// benchmarks/run.py installs `pouchdb` and `express-pouchdb` into DIR (under benchmark-results/,
// never committed) and runs this. The server (express-pouchdb, leveldb) is a child process so the
// client and the server do not share one event loop, as our client and server do not.
// Prints figures; asserts nothing.
"use strict";

const { fork } = require("child_process");
const fs = require("fs");
const path = require("path");

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const modules = path.resolve(option("modules", "."));
const work = path.resolve(option("work", "."));
const load = (name) => require(path.join(modules, "node_modules", name));
const PouchDB = load("pouchdb");

// A document about the size and shape of one of our synced rows (a registration or a youth).
function doc(n, revision) {
  return {
    _id: `doc-${String(n).padStart(8, "0")}`,
    kind: "registration",
    activity_id: `activity-${n % 500}`,
    youth_id: `youth-${n}`,
    name: `青年${n}`,
    school: `第${n % 40}中学`,
    phone: `138${String(n).padStart(8, "0")}`,
    status: revision ? "approved" : "pending",
    note: revision ? `第${revision}次修改` : "",
    capacity: 1000 + (revision || 0),
  };
}

async function serve() {
  // Child: the express-pouchdb server on a free loopback port; tells its parent the port.
  const express = load("express");
  const Server = PouchDB.defaults({ prefix: path.join(work, "server") + path.sep });
  const app = express();
  app.use("/", load("express-pouchdb")(Server, { mode: "minimumForPouchDB", logPath: path.join(work, "server.log") }));
  const db = new Server("county");
  process.on("message", async (message) => {
    // Seeding and server-side edits go straight to the server's database, not over HTTP.
    const docs = [];
    for (let n = message.from; n < message.to; n++) docs.push(doc(n, message.revision));
    if (message.revision) {
      const old = await db.allDocs({ keys: docs.map((d) => d._id) });
      old.rows.forEach((row, i) => (docs[i]._rev = row.value.rev));
    }
    for (let i = 0; i < docs.length; i += 5000) await db.bulkDocs(docs.slice(i, i + 5000));
    process.send({ done: true });
  });
  const listener = app.listen(0, "127.0.0.1", () => process.send({ port: listener.address().port }));
}

function ask(child, message) {
  return new Promise((resolve) => {
    child.once("message", resolve);
    if (message) child.send(message);
  });
}

const seconds = (started) => Number(process.hrtime.bigint() - started) / 1e9;
const now = () => process.hrtime.bigint();

async function main() {
  const docs = Number(option("docs", "100000"));
  const noopRuns = Number(option("noop-runs", "50"));
  const ops = Number(option("ops", "1000"));
  fs.rmSync(work, { recursive: true, force: true });
  for (const side of ["client", "server"]) fs.mkdirSync(path.join(work, side), { recursive: true });
  const server = fork(__filename, [...process.argv.slice(2), "--serve"], { stdio: "inherit" });
  try {
    const { port } = await ask(server);
    const t0 = now();
    await ask(server, { from: 0, to: docs });
    console.log(`seeded the PouchDB server with ${docs.toLocaleString()} docs in ${seconds(t0).toFixed(1)} s`);
    const remote = new PouchDB(`http://127.0.0.1:${port}/county`);
    const local = new PouchDB(path.join(work, "client", "county"));

    let started = now();
    const initial = await local.replicate.from(remote, { batch_size: 500, batches_limit: 10 });
    const initialSeconds = seconds(started);

    const noop = [];
    for (let i = 0; i < noopRuns + 3; i++) {
      started = now();
      await local.sync(remote);
      noop.push(seconds(started));
    }
    noop.splice(0, 3); // the first ones warm connections and caches

    const mine = await local.allDocs({ limit: ops });
    await local.bulkDocs(mine.rows.map((row, i) => ({ ...doc(i, 1), _rev: row.value.rev })));
    started = now();
    const push = await local.replicate.to(remote);
    const pushSeconds = seconds(started);

    await ask(server, { from: docs - ops, to: docs, revision: 2 }); // changed by someone else
    started = now();
    const pull = await local.replicate.from(remote);
    const pullSeconds = seconds(started);

    const sorted = [...noop].sort((a, b) => a - b);
    const figures = {
      docs: initial.docs_written,
      initial_seconds: initialSeconds,
      initial_rate: initial.docs_written / initialSeconds,
      noop_median: sorted[Math.floor(sorted.length / 2)],
      noop_p95: sorted[Math.floor(sorted.length * 0.95)],
      push_docs: push.docs_written,
      push_seconds: pushSeconds,
      pull_docs: pull.docs_written,
      pull_seconds: pullSeconds,
      versions: { pouchdb: load("pouchdb/package.json").version, "express-pouchdb": load("express-pouchdb/package.json").version, node: process.version },
    };
    console.log(`PouchDB ${figures.versions.pouchdb}, express-pouchdb ${figures.versions["express-pouchdb"]}, Node ${process.version}, loopback`);
    console.log(`initial sync: ${figures.docs.toLocaleString()} docs in ${initialSeconds.toFixed(1)} s, ${figures.initial_rate.toFixed(0)} docs/s`);
    console.log(`sync with nothing to do: median ${(figures.noop_median * 1000).toFixed(1)} ms, p95 ${(figures.noop_p95 * 1000).toFixed(1)} ms`);
    console.log(`push ${figures.push_docs} docs: ${pushSeconds.toFixed(3)} s`);
    console.log(`pull ${figures.pull_docs} changed docs: ${pullSeconds.toFixed(3)} s`);
    const out = option("json");
    if (out) fs.writeFileSync(out, JSON.stringify(figures, null, 1));
    await local.close();
  } finally {
    server.kill();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv.includes("--serve")) serve();
else main().catch((error) => { console.error(error); process.exit(1); });
