// The playground: GraphiQL, served by peacegraph itself, opening with one
// tab per question of the README (examples.json).
(async function () {
  const root = document.getElementById('graphiql');
  let examples = [];
  try {
    examples = await (await fetch('/assets/examples.json')).json();
  } catch (err) {
    console.error('peacegraph: no examples', err);
  }
  const storage = {
    // Tabs and settings are kept under a prefix of their own, so that
    // another GraphiQL on the same host does not mix with this one.
    getItem: (k) => localStorage.getItem('peacegraph:' + k),
    setItem: (k, v) => localStorage.setItem('peacegraph:' + k, v),
    removeItem: (k) => localStorage.removeItem('peacegraph:' + k),
    clear: () => Object.keys(localStorage).filter((k) => k.startsWith('peacegraph:')).forEach((k) => localStorage.removeItem(k)),
    get length() { return Object.keys(localStorage).filter((k) => k.startsWith('peacegraph:')).length; },
  };
  // A tab is named by its operation: an anonymous query of the README is
  // named after its question (the first words, in PascalCase).
  const operationName = (question) => {
    let name = '';
    for (const w of question.replace(/[^A-Za-z0-9 ]/g, ' ').split(/\s+/).filter(Boolean)) {
      if (name.length >= 18) break;
      name += w[0].toUpperCase() + w.slice(1);
    }
    return name;
  };
  const named = (e) => (e.query.startsWith('{') ? 'query ' + operationName(e.name) + ' ' + e.query : e.query);
  const tabs = examples.map((e) => ({ query: '# ' + e.name + '\n' + named(e) + '\n' }));
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
      defaultTabs: tabs,
      defaultEditorToolsVisibility: false,
      storage: storage,
    }),
  );
})();
