// Renders GraphiQL into #graphiql. Loaded after React, ReactDOM and GraphiQL (UMD globals), all
// served by this server. The endpoint and default query come from the page's JSON config block.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var endpoint = new URL(config.endpoint, window.location.href).href;
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: config.defaultQuery,
      defaultEditorToolsVisibility: false,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  );
})();
