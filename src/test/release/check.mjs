// Checks an unpacked release of Soviet Policy KG with the tools its readers use, offline:
//   1. ro-crate (the RO-Crate library) loads ro-crate-metadata.json and finds every file of the folder as a File of
//      the root dataset, with the size and sha256 the file has;
//   2. citation-js (@citation-js/plugin-cff) reads CITATION.cff: the title, version, authors and year of the dataset;
//   3. jsonld (jsonld.js) expands ro-crate-metadata.json in safe mode, which fails on any term it would drop, and
//      every node keeps each of its properties (expanded keys counted against the compact ones);
//   4. manifest.sha256 lists every other file with its sum.
// Usage: node check.mjs RELEASE_FOLDER      (after npm ci here); prints one "ok ..." line per check, exits 1 on a failure.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

import { Cite } from '@citation-js/core';
import '@citation-js/plugin-cff';
import jsonld from 'jsonld';
import { ROCrate } from 'ro-crate';

const require = createRequire(import.meta.url);
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node check.mjs RELEASE_FOLDER');
  process.exit(2);
}
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const files = (function walk(d) {
  return readdirSync(d).flatMap((n) => statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [relative(dir, join(d, n)).split(sep).join('/')]);
})(dir).sort();

// 1. the crate, as the RO-Crate library reads it
const metadata = JSON.parse(readFileSync(join(dir, 'ro-crate-metadata.json'), 'utf8'));
const crate = new ROCrate(metadata, { array: true, link: true });
const root = crate.rootDataset;
check(root && root['@id'] === './', 'the crate has a root dataset ./');
for (const key of ['name', 'description', 'version', 'license', 'datePublished', 'author', 'publisher', 'keywords', 'conformsTo'])
  check(root[key] && root[key].length > 0, `the root dataset has ${key}`);
const parts = new Set((root.hasPart || []).map((p) => p['@id']));
let found = 0;
for (const f of files.filter((f) => f !== 'ro-crate-metadata.json')) {
  const e = crate.getEntity(f);
  if (!e) { failures.push(`${f} is not in the crate`); continue; }
  check([].concat(e['@type']).includes('File'), `${f} is a File`);
  check(parts.has(f), `${f} is a part of the root dataset`);
  const bytes = readFileSync(join(dir, f));
  check([].concat(e.contentSize)[0] === String(bytes.length), `${f}: contentSize ${e.contentSize} is its size ${bytes.length}`);
  check([].concat(e.encodingFormat)[0], `${f} has an encodingFormat`);
  if (f !== 'manifest.sha256')
    check([].concat(e.sha256)[0] === sha256(bytes), `${f}: the crate's sha256 is the file's`);
  found++;
}
console.log(`ok ro-crate: ${found} files, each a File of the root dataset with its size and sha256 (${root.name}, ${root.version})`);

// 2. CITATION.cff, as citation-js reads it
const cff = readFileSync(join(dir, 'CITATION.cff'), 'utf8');
const cite = await Cite.async(cff);
const main = cite.data.find((r) => r._cff_mainReference) || cite.data[0];
check(main && main.title === root.name[0], `CITATION.cff: the title (${main && main.title})`);
check(main && main.version === root.version[0], `CITATION.cff: the version (${main && main.version})`);
check(main && main.author && main.author.some((a) => a.literal === root.author[0].name[0]), `CITATION.cff: the authors ${JSON.stringify(main && main.author)}`);
check(main && main.issued && main.issued['date-parts'][0][0] === Number(root.datePublished[0].slice(0, 4)), 'CITATION.cff: the year');
check(/^cff-version: 1\.2\.0/m.test(cite.format('cff')), 'citation-js writes the citation back as CFF 1.2.0');
console.log(`ok citation-js: ${main.author.map((a) => a.literal).join(', ')} (${main.issued['date-parts'][0][0]}). ${main.title} (version ${main.version}) [${main.type}] ${main.URL}`);

// 3. the crate expanded by jsonld.js, offline: the RO-Crate context is the copy the ro-crate library ships
const bundled = require('ro-crate/lib/context.json');
const documentLoader = async (url) => {
  // the ro-crate library ships one RO-Crate context; it stands for the one the crate names (the terms used are in both)
  if (/^https:\/\/w3id\.org\/ro\/crate\/1\.[12]\/context$/.test(url))
    return { contextUrl: null, documentUrl: url, document: { '@context': bundled['@context'] } };
  throw new Error(`offline: ${url} is not fetched`);
};
const expanded = await jsonld.expand(metadata, { documentLoader, safe: true, base: 'file:///crate/' });
const byId = new Map(expanded.map((n) => [n['@id'], n]));
let terms = 0;
for (const node of metadata['@graph']) {
  const iri = new URL(node['@id'], 'file:///crate/').href;
  const e = byId.get(node['@id']) || byId.get(iri);
  if (!e) { failures.push(`jsonld dropped the node ${node['@id']}`); continue; }
  const compact = Object.keys(node).filter((k) => !k.startsWith('@'));
  const full = Object.keys(e).filter((k) => !k.startsWith('@'));
  check(compact.length === full.length, `jsonld kept ${full.length} of the ${compact.length} properties of ${node['@id']}: ${compact} -> ${full}`);
  terms += full.length;
}
console.log(`ok jsonld: ${expanded.length} nodes expanded in safe mode, ${terms} properties, none dropped`);

// 4. the manifest
const listed = readFileSync(join(dir, 'manifest.sha256'), 'utf8').trim().split('\n').map((l) => [l.slice(66), l.slice(0, 64)]);
for (const [name, sum] of listed)
  check(sha256(readFileSync(join(dir, name))) === sum, `manifest.sha256: ${name}`);
check(JSON.stringify(listed.map(([n]) => n)) === JSON.stringify(files.filter((f) => f !== 'manifest.sha256')), 'manifest.sha256 lists every other file');
console.log(`ok manifest: ${listed.length} sums match`);

if (failures.length) {
  console.error('FAILED:\n  ' + failures.join('\n  '));
  process.exit(1);
}
