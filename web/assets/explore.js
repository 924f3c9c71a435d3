// The explorer: search the graph, draw a neighbourhood with Cytoscape.js,
// open nodes to draw what they touch, read the evidence of an edge with
// each quote linked into its source. Everything it asks comes from this
// server's GraphQL API.
(function () {
  'use strict';

  async function gql(query, variables) {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
    return body.data;
  }

  // Node kinds by colour and shape, so that they differ without colour too.
  const kinds = {
    PERSON: ['#4e79a7', 'ellipse'], GOVERNMENT: ['#f28e2b', 'round-rectangle'], ORGANIZATION: ['#76b7b2', 'hexagon'],
    PLAN: ['#e15759', 'rectangle'], POINT: ['#edc948', 'diamond'], CLAIM: ['#b07aa1', 'round-tag'],
    SOURCE: ['#9c755f', 'barrel'], EVENT: ['#59a14f', 'star'], DISPUTE: ['#ff9da7', 'octagon'],
  };
  const style = [
    { selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'text-wrap': 'ellipsis', 'text-max-width': 120, 'text-valign': 'bottom', 'background-color': '#8c959f', width: 22, height: 22 } },
    ...Object.entries(kinds).map(([k, [color, shape]]) => ({ selector: `node[kind = "${k}"]`, style: { 'background-color': color, shape } })),
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#1b1f24' } },
    { selector: 'edge', style: { width: 1.5, 'line-color': '#8c959f', 'target-arrow-color': '#8c959f', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'font-size': 7, color: '#57606a' } },
    // An edge's type is written where it matters: selected, or hovered.
    { selector: 'edge:selected, edge.hover', style: { label: 'data(type)' } },
    { selector: 'edge[type = "SUPPORTS"]', style: { 'line-color': '#1a7f37', 'target-arrow-color': '#1a7f37' } },
    { selector: 'edge[type = "OPPOSES"]', style: { 'line-color': '#cf222e', 'target-arrow-color': '#cf222e' } },
    { selector: 'edge[type = "CONDITIONAL"]', style: { 'line-color': '#9a6700', 'target-arrow-color': '#9a6700', 'line-style': 'dashed' } },
    { selector: 'edge:selected', style: { width: 4 } },
  ];
  const cy = cytoscape({ container: document.getElementById('graph'), style, elements: [], wheelSensitivity: 0.3 });
  window.peacegraphExplorer = cy; // for tests and the curious

  const hidden = new Set();
  const panel = document.getElementById('panel');
  // Only web addresses become links: a javascript: URL in a record would
  // run in the page.
  const safeURL = (u) => (/^https?:\/\//i.test(u || '') ? u : '');
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  async function draw(center, depth) {
    const data = await gql('query View($c: ID!, $d: Int) { graph(center: $c, depth: $d, maxNodes: 200) { cytoscape truncated } }', { c: center, d: depth || 1 });
    const fresh = data.graph.cytoscape.filter((el) => cy.getElementById(el.data.id).empty());
    cy.add(fresh);
    // A neighbourhood holds every stance on record, past ones too: the
    // ones drawn are those effective now, or on the day chosen.
    await replay();
    applyFilters();
    cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: 9000 }).run();
    lists();
    const n = cy.getElementById(center);
    cy.elements().unselect();
    n.select();
    return data.graph;
  }

  function applyFilters() {
    cy.edges().forEach((e) => e.style('display', hidden.has(e.data('type')) ? 'none' : 'element'));
  }

  function lists() {
    const types = [...new Set(cy.edges().map((e) => e.data('type')))].sort();
    document.getElementById('types').innerHTML = types.map((t) =>
      `<label><input type="checkbox" data-type="${esc(t)}" ${hidden.has(t) ? '' : 'checked'}> ${esc(t)}</label><br>`).join('');
    const nodes = cy.nodes().sort((a, b) => a.data('label').localeCompare(b.data('label')));
    document.getElementById('nodes').innerHTML = nodes.map((n) =>
      `<li><button data-node="${esc(n.id())}" title="${esc(n.data('fullLabel'))}">${esc(n.data('label'))} <small>${esc(n.data('kind').toLowerCase())}</small></button></li>`).join('');
  }

  document.getElementById('types').addEventListener('change', (ev) => {
    const t = ev.target.dataset.type;
    if (ev.target.checked) hidden.delete(t); else hidden.add(t);
    applyFilters();
  });

  const claimFields = 'id text certainty date claimant { name } citations { quote start end source { id title publisher url published } }';
  function claimHTML(c) {
    const cites = (c.citations || []).map((ct, i) => `
      <blockquote>${esc(ct.quote || '(no quote on record)')}</blockquote>
      <div class="meta">${esc(ct.source.publisher || '')} ${esc(ct.source.published || 'undated')} —
        ${ct.start != null ? `<a href="/sources/${encodeURIComponent(ct.source.id)}#${encodeURIComponent('c-' + c.id + '-' + i)}">the quote in its source</a> ·` : ''}
        ${safeURL(ct.source.url) ? `<a href="${esc(safeURL(ct.source.url))}" rel="noreferrer" target="_blank">original</a>` : ''}</div>`).join('');
    return `<div class="claim" data-claim="${esc(c.id)}"><p>${esc(c.text)}</p>
      <div class="meta">${esc(c.claimant ? c.claimant.name : 'unattributed')} · ${esc(c.certainty)} · ${esc(c.date || 'undated')}</div>${cites}</div>`;
  }

  async function openNode(id) {
    const data = await gql(`query Node($id: ID!) { node(id: $id) { __typename id
      ... on Actor { name kind role } ... on Plan { title } ... on Point { number title summary }
      ... on Source { title publisher url published } ... on Event { title date }
      ... on Claim { ${claimFields} } } }`, { id });
    const n = data.node;
    if (!n) return;
    const title = n.name || n.title || (n.__typename === 'Claim' ? 'Claim' : n.id);
    panel.innerHTML = `<h2>${esc(title)}</h2><p class="meta">${esc(n.__typename)} ${esc(n.kind || '')} ${esc(n.role || '')}</p>` +
      (n.summary ? `<p>${esc(n.summary)}</p>` : '') +
      (n.__typename === 'Claim' ? claimHTML(n) : '') +
      (n.__typename === 'Source' ? `<p><a href="/sources/${encodeURIComponent(n.id)}">the source with its quoted passages marked</a></p>` : '') +
      edgeList(id) +
      `<p class="meta">Its neighbourhood as a file: ${['graphml', 'gexf', 'cytoscape', 'vis', 'nvl'].map((f) =>
        `<a href="/graph/${encodeURIComponent(n.id)}?depth=1&format=${f}" download>${f === 'graphml' ? 'GraphML' : f === 'gexf' ? 'GEXF (Gephi)' : f + ' JSON'}</a>`).join(' · ')}</p>`;
  }

  // The relationships of a drawn node as buttons, so that the evidence of
  // each is one key press away, not only one click on the drawing.
  function edgeList(id) {
    const n = cy.getElementById(id);
    if (n.empty()) return '';
    const label = (x) => esc(cy.getElementById(x).data('label') || x);
    const items = n.connectedEdges().filter((e) => e.style('display') !== 'none').map((e) => {
      const d = e.data();
      const text = d.source === id ? `${esc(d.type)} → ${label(d.target)}` : `${label(d.source)} ${esc(d.type)} →`;
      return `<li><button data-edge="${esc(d.id)}">${text}</button></li>`;
    });
    return items.length ? `<h3>Relationships drawn</h3><ul class="edges">${items.join('')}</ul>` : '';
  }
  panel.addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-edge]');
    if (b) openEdge(cy.getElementById(b.dataset.edge));
  });

  async function openEdge(edge) {
    const { source, type, id } = edge.data();
    const data = await gql(`query Edge($c: ID!, $t: [String!]) { graph(center: $c, depth: 1, types: $t) { edges { id evidence { ${claimFields} } } } }`, { c: source, t: [type] });
    const e = data.graph.edges.find((x) => x.id === id);
    const ev = e ? e.evidence : [];
    panel.innerHTML = `<h2>${esc(cy.getElementById(source).data('label'))} ${esc(type)} ${esc(cy.getElementById(edge.data('target')).data('label'))}</h2>` +
      (ev.length ? `<p class="meta">${ev.length} claim(s) attest it:</p>` + ev.map(claimHTML).join('') : '<p class="hint">No claim attests this relationship: it records background.</p>');
  }

  // Opening a node draws what it touches, then shows its panel (which
  // lists its drawn relationships).
  async function focusNode(id, depth) {
    const view = await draw(id, depth || 1);
    await openNode(id);
    return view;
  }
  cy.on('tap', 'node', (ev) => focusNode(ev.target.id()));
  cy.on('tap', 'edge', (ev) => openEdge(ev.target));
  const tip = document.getElementById('tip');
  cy.on('mouseover', 'node', (ev) => {
    tip.textContent = ev.target.data('fullLabel');
    tip.style.left = ev.originalEvent.clientX + 12 + 'px';
    tip.style.top = ev.originalEvent.clientY + 12 + 'px';
    tip.hidden = false;
  });
  cy.on('mouseout', 'node', () => { tip.hidden = true; });
  cy.on('mouseover', 'edge', (ev) => ev.target.addClass('hover'));
  cy.on('mouseout', 'edge', (ev) => ev.target.removeClass('hover'));

  document.getElementById('nodes').addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-node]');
    if (b) focusNode(b.dataset.node);
  });

  const searchQuery = `query Find($t: String!) { search(text: $t, first: 15) { __typename
    ... on Actor { id name } ... on Plan { id title } ... on Point { id title } ... on Claim { id text }
    ... on Source { id title } ... on Event { id title } ... on Dispute { id question } } }`;
  document.getElementById('search').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const t = document.getElementById('q').value.trim();
    const results = document.getElementById('results');
    if (!t) return;
    try {
      const data = await gql(searchQuery, { t });
      results.innerHTML = data.search.map((h) => {
        const label = h.name || h.title || h.text || h.question || h.id;
        return `<li><button data-node="${esc(h.id)}" title="${esc(label)}">${esc(label.length > 60 ? label.slice(0, 59) + '…' : label)} <small>${esc(h.__typename.toLowerCase())}</small></button></li>`;
      }).join('') || '<li>nothing found</li>';
    } catch (err) {
      results.innerHTML = `<li>${esc(err.message)}</li>`;
    }
  });
  document.getElementById('results').addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-node]');
    if (b) { cy.elements().remove(); focusNode(b.dataset.node); }
  });

  // The date control replays stances: each actor drawn gets the stance
  // edges effective on that day (asOf, or now), the others are taken away.
  const positions = ['SUPPORTS', 'OPPOSES', 'CONDITIONAL', 'UNDECIDED'];
  let asOf = null;
  async function replay() {
    const actors = cy.nodes().filter((n) => ['PERSON', 'GOVERNMENT', 'ORGANIZATION'].includes(n.data('kind')));
    if (actors.empty()) return;
    const q = 'query AsOf($d: Date) {' + actors.map((a, i) =>
      `a${i}: actor(id: ${JSON.stringify(a.id())}) { id stances(asOf: $d) { position target { ... on Node { id } } } }`).join(' ') + '}';
    const data = await gql(q, { d: asOf });
    cy.edges().filter((e) => positions.includes(e.data('type'))).remove();
    const add = [];
    for (const a of Object.values(data)) {
      if (!a) continue;
      for (const st of a.stances) {
        const id = `${st.position}:${a.id}->${st.target.id}`;
        if (cy.getElementById(st.target.id).nonempty() && cy.getElementById(id).empty()) {
          add.push({ group: 'edges', data: { id, source: a.id, target: st.target.id, type: st.position } });
        }
      }
    }
    cy.add(add);
    applyFilters();
    lists();
    document.body.dataset.asof = asOf || 'now';
  }
  document.getElementById('asof').addEventListener('change', (ev) => { asOf = ev.target.value || null; replay(); });
  document.getElementById('now').addEventListener('click', () => { document.getElementById('asof').value = ''; asOf = null; replay(); });

  // Who stands where on each point of the plan: the stance matrix as a
  // grid, as of the date chosen.
  document.getElementById('matrix').addEventListener('click', async () => {
    const data = await gql(`query Matrix($d: Date) { stanceMatrix(asOf: $d) { plan { title }
      actors { id name } targets { __typename id ... on Point { number title } ... on Plan { title } }
      cells { actor { id } target { id } position evidenceCount asOf } } }`, { d: asOf });
    const m = data.stanceMatrix;
    const cell = {};
    for (const c of m.cells) (cell[c.actor.id + ' ' + c.target.id] = cell[c.actor.id + ' ' + c.target.id] || []).push(c);
    const head = m.targets.map((t) => `<th scope="col" title="${esc(t.title)}">${t.__typename === 'Plan' ? 'plan' : esc(t.number)}</th>`).join('');
    const rows = m.actors.map((a) => `<tr><th scope="row">${esc(a.name)}</th>` + m.targets.map((t) => {
      const cs = cell[a.id + ' ' + t.id] || [];
      return `<td class="${esc(cs.map((c) => c.position).join(' '))}" title="${esc(cs.map((c) => `${c.position} as of ${c.asOf || 'undated'}, ${c.evidenceCount} claim(s)`).join('; '))}">${esc(cs.map((c) => c.position[0]).join('/'))}</td>`;
    }).join('') + '</tr>').join('');
    panel.innerHTML = `<h2>Who stands where on ${esc(m.plan.title)}${asOf ? ' as of ' + esc(asOf) : ''}</h2>
      <p class="meta">S supports, O opposes, C conditional, U undecided; hover a cell for its date and evidence.</p>
      <table class="matrix"><thead><tr><th></th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  });

  // The disputes: each question with its sides, their claims and sources.
  document.getElementById('disputes').addEventListener('click', async () => {
    const data = await gql(`{ disputes { question sides { label claims { text certainty claimant { name } } sources { publisher url published } } } }`);
    panel.innerHTML = '<h2>Disputes</h2>' + data.disputes.map((d) => `<h3>${esc(d.question)}</h3>` + d.sides.map((s) => `
      <div class="side"><strong>${esc(s.label)}</strong>
        <ul>${s.claims.map((c) => `<li>${esc(c.text)} <span class="meta">(${esc(c.claimant ? c.claimant.name : 'unattributed')}, ${esc(c.certainty)})</span></li>`).join('')}</ul>
        <p class="meta">${s.sources.map((src) => safeURL(src.url) ? `<a href="${esc(safeURL(src.url))}" rel="noreferrer" target="_blank">${esc(src.publisher || src.url)}</a> ${esc(src.published || '')}` : esc(src.publisher || '')).join(' · ')}</p></div>`).join('')).join('');
  });

  // ?center=ID&depth=N draws a neighbourhood at once.
  const params = new URLSearchParams(location.search);
  if (params.get('center')) {
    focusNode(params.get('center'), Number(params.get('depth')) || 1).then(() => { document.body.dataset.drawn = 'true'; });
  }
})();
