// Runs assets/search.js against a minimal fake DOM: node search-harness.js <search.js> <index.json> <query>
// Prints the status line, then one "title<TAB>url" line per result.
'use strict';
const fs = require('fs');
const [scriptPath, indexPath, query] = process.argv.slice(2);
const index = JSON.parse(fs.readFileSync(indexPath, 'utf8'));

function element(tag) {
  return {
    tagName: tag, children: [], attrs: {}, textContent: '', className: '', href: '',
    appendChild(child) { this.children.push(child); },
    removeChild(child) { this.children.splice(this.children.indexOf(child), 1); },
    get firstChild() { return this.children[0]; },
    getAttribute(name) { return this.attrs[name]; },
    addEventListener() {}
  };
}
const form = element('form');
form.attrs['data-index'] = '/search-index.json';
const nodes = { 'search-form': form, 'search-q': element('input'), 'search-status': element('p'),
  'search-results': element('ul') };
global.document = { getElementById: id => nodes[id], createElement: element };
global.window = { fetch: true, location: { search: '?q=' + encodeURIComponent(query) } };
global.history = { replaceState() {} };
global.fetch = () => Promise.resolve({ ok: true, json: () => Promise.resolve(index) });
require(scriptPath);
setTimeout(() => {
  console.log(nodes['search-status'].textContent);
  for (const item of nodes['search-results'].children) {
    const link = item.children[0].children[0];
    console.log(link.textContent + '\t' + link.href);
  }
}, 20);
