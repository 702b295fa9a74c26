// Copies the bpmn-js viewer the audit pages use (ADR 0038) from node_modules into the application's static files,
// under the installed version, with its licence and a note of where it came from: the application serves it itself
// and needs neither npm nor any other site at run time. Run after `npm ci`: `npm run vendor:bpmn-js`.
import {copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'node_modules', 'bpmn-js');
const version = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
const target = join(root, 'src', 'main', 'resources', 'static', 'vendor', 'bpmn-js', version);

function copy(from, to) {
  mkdirSync(dirname(join(target, to)), {recursive: true});
  copyFileSync(join(source, from), join(target, to));
}

copy('dist/bpmn-navigated-viewer.production.min.js', 'bpmn-navigated-viewer.production.min.js');
copy('LICENSE', 'LICENSE');
for (const css of readdirSync(join(source, 'dist', 'assets')).filter(name => name.endsWith('.css'))) {
  copy(join('dist', 'assets', css), join('assets', css));
}
copy('dist/assets/bpmn-font/css/bpmn.css', 'assets/bpmn-font/css/bpmn.css');
for (const font of readdirSync(join(source, 'dist', 'assets', 'bpmn-font', 'font'))) {
  copy(join('dist', 'assets', 'bpmn-font', 'font', font), join('assets', 'bpmn-font', 'font', font));
}
writeFileSync(join(target, 'VERSION'), `bpmn-js ${version} (npm package bpmn-js, dist/ and LICENSE as published)
Copied by \`npm run vendor:bpmn-js\` (scripts/vendor-bpmn-js.mjs): the NavigatedViewer bundle, its CSS and the bpmn
font. Licence: LICENSE beside this file (MIT with the bpmn.io watermark kept). See docs/adr/0038.
`);
console.log(`bpmn-js ${version} copied to ${target}`);
