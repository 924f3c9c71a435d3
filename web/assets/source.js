// A source's stored text with every passage a claim quotes marked at the
// offsets the API gives (code points), each mark linked from the explorer
// as #c-{claim}-{citation}.
(async function () {
  'use strict';
  // Only web addresses become links: a javascript: URL in a record would
  // run in the page.
  const safeURL = (u) => (/^https?:\/\//i.test(u || '') ? u : '');
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const article = document.getElementById('source');
  const id = decodeURIComponent(location.pathname.replace(/^\/sources\//, ''));
  const res = await fetch('/graphql', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: `query Source($id: ID!) { source(id: $id) { id title publisher url published text
      claims(first: 100) { edges { node { id text claimant { name } citations { quote start end source { id } } } } } } }`, variables: { id } }),
  });
  const body = await res.json();
  const s = body.data && body.data.source;
  if (!s) {
    article.innerHTML = `<h1>No source ${esc(id)}</h1>`;
    return;
  }
  document.title = s.title + ' — peacegraph';
  const marks = [];
  for (const { node: c } of s.claims.edges) {
    c.citations.forEach((ct, i) => {
      if (ct.source.id === s.id && ct.start != null) marks.push({ start: ct.start, end: ct.end, id: `c-${c.id}-${i}`, claim: c });
    });
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  // The text by code points, as the offsets count; a passage quoted by two
  // claims is marked once, for the first.
  const cps = Array.from(s.text || '');
  let html = '', at = 0;
  const listed = [];
  for (const m of marks) {
    if (m.start < at) { listed.push(m); continue; }
    html += esc(cps.slice(at, m.start).join(''));
    html += `<mark id="${esc(m.id)}" tabindex="0" title="${esc((m.claim.claimant ? m.claim.claimant.name + ': ' : '') + m.claim.text)}">${esc(cps.slice(m.start, m.end).join(''))}</mark>`;
    at = m.end;
  }
  html += esc(cps.slice(at).join(''));
  article.innerHTML = `<h1>${esc(s.title)}</h1>
    <p class="meta">${esc(s.publisher || '')} · ${esc(s.published || 'undated')} ${safeURL(s.url) ? `· <a href="${esc(safeURL(s.url))}" rel="noreferrer">the original</a>` : ''} · ${marks.length} quoted passage(s)</p>
    ${s.text ? `<div class="text">${html}</div>` : '<p class="hint">The text of this source is not stored; its quotes are in the claims that cite it.</p>'}
    ${listed.length ? `<p class="meta">Also quoted, inside a marked passage: ${listed.map((m) => esc(m.claim.id)).join(', ')}</p>` : ''}`;
  const current = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (current) {
    current.classList.add('current');
    current.scrollIntoView({ block: 'center' });
    current.focus();
  }
  document.body.dataset.ready = 'true';
})();
