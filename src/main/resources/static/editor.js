// The SPARQL editor: YASGUI, from npm, pointed at this server's endpoint, with no call to any other host.
(function () {
  var params = new URLSearchParams(window.location.search);
  var endpoint = window.location.origin + "/kg/sparql";
  // no prefix.cc look-ups: the page must work offline
  Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters.filter(function (a) { return a !== "prefixes"; });
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null
  });
  var query = params.get("query");
  if (query) {
    var tab = yasgui.getTab();
    tab.setQuery(query);
    tab.setEndpoint(endpoint);
  }
})();
