// Uploads a file with the reference tus client (npm tus-js-client), interrupting it twice and
// resuming it each time, as a traveller on a flaky connection would.
// Usage: node tus-upload.js <node_modules> <endpoint> <token> <file> <chunkSize> <interruptAt,...>
// Prints JSON: { url, interruptions, resumedFrom: [offsets the client found on the server] }.
'use strict';
const path = require('path');
const fs = require('fs');
const [modules, endpoint, token, file, chunkSize, interruptAt] = process.argv.slice(2);
const tus = require(path.join(modules, 'tus-js-client'));

const data = fs.readFileSync(file);
const pending = interruptAt.split(',').filter(Boolean).map(Number);
const resumedFrom = [];
let interruptions = 0;
let restarting = false;

const upload = new tus.Upload(data, {
  endpoint,
  chunkSize: Number(chunkSize),
  retryDelays: null, // interruptions are this script's, resumed by hand below
  headers: { Authorization: `Bearer ${token}` },
  metadata: { filename: path.basename(file) },
  onProgress(sent) {
    if (!restarting && pending.length && sent >= pending[0]) {
      pending.shift();
      restarting = true;
      interruptions++;
      // Abort mid-chunk (the PATCH in flight is cut off), wait, then resume: the client asks the
      // server for its offset (HEAD) and continues from there.
      upload.abort().then(() => setTimeout(() => {
        restarting = false;
        upload.start();
      }, 300));
    }
  },
  onChunkComplete() {},
  onError(error) {
    console.error(String(error));
    process.exit(1);
  },
  onSuccess() {
    console.log(JSON.stringify({ url: upload.url, interruptions, resumedFrom }));
  },
});

// The offset the client resumes from is what the server answered to HEAD: record it.
const originalStart = upload.start.bind(upload);
upload.start = () => {
  if (upload.url) {
    fetch(upload.url, { method: 'HEAD', headers: { Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' } })
      .then(r => resumedFrom.push(Number(r.headers.get('upload-offset'))))
      .finally(originalStart);
  } else {
    originalStart();
  }
};
upload.start();
