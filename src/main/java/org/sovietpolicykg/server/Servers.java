package org.sovietpolicykg.server;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.dataset.DatasetWriter;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.dataset.Dump;
import org.sovietpolicykg.dataset.Fingerprint;
import org.sovietpolicykg.dataset.Statistics;
import org.sovietpolicykg.formats.JsonLdContext;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.html.Terms;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.queries.QueryPolicy;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.reconcile.Reconciler;
import org.sovietpolicykg.search.TextSearch;
import org.sovietpolicykg.server.api.CannedQueryServlet;
import org.sovietpolicykg.server.api.CatalogueServlet;
import org.sovietpolicykg.server.api.OpenApiServlet;
import org.sovietpolicykg.server.api.ReconcileServlet;
import org.sovietpolicykg.server.cache.AnswerCache;
import org.sovietpolicykg.server.http.NotFoundServlet;
import org.sovietpolicykg.server.http.StaticAssets;
import org.sovietpolicykg.server.pages.CannedTables;
import org.sovietpolicykg.server.pages.EditorServlet;
import org.sovietpolicykg.server.pages.GraphServlet;
import org.sovietpolicykg.server.pages.HomeServlet;
import org.sovietpolicykg.server.pages.OntologyServlet;
import org.sovietpolicykg.server.pages.PicturesServlet;
import org.sovietpolicykg.server.pages.ReadingServlet;
import org.sovietpolicykg.server.pages.ResourceServlet;
import org.sovietpolicykg.server.pages.RunServlet;
import org.sovietpolicykg.server.pages.SearchServlet;
import org.sovietpolicykg.interchange.WebAnnotations;
import org.sovietpolicykg.server.publish.AnnotationsServlet;
import org.sovietpolicykg.server.publish.DumpsServlet;
import org.sovietpolicykg.server.publish.VoidServlet;
import org.sovietpolicykg.vocabulary.SPD;

/**
 * The composition root: the whole server as the command line runs it, from a configuration and a dataset. Every
 * route is one servlet, mounted here:
 * <pre>
 *   ""               HomeServlet          the landing page
 *   /run/*           RunServlet           results pages of the canned queries
 *   /editor          EditorServlet        the SPARQL editor
 *   /search          SearchServlet        full-text search, a page or JSON (the canned query search)
 *   /static/*        StaticAssets         CSS, script, the editor's assets (Jetty's resource servlet)
 *   /favicon.ico     StaticAssets.atRoot  the icon, which browsers ask for at the root
 *   /api/queries     CatalogueServlet     the catalogue (JSON)
 *   /api/queries/*   CannedQueryServlet   runs one canned query
 *   /api/openapi.json OpenApiServlet      the API's OpenAPI 3 description
 *   /api/*           NotFoundServlet      anything else under /api: 404 with a hint
 *   /ontology, /ontology/VERSION  OntologyServlet  the ontology (its IRI and version IRI), HTML or RDF
 *   /essay, /read/*  ReadingServlet       the texts as a reader sees them, every anchor highlighted; TEI by Accept
 *   /pictures/*      PicturesServlet      the timeline and the network of links, drawn as SVG
 *   /graph/*         GraphServlet         the named graphs' IRIs: a page, or the graph by content negotiation
 *   /reconcile, /reconcile/*   ReconcileServlet      Reconciliation Service API 0.2 (manifest, queries, suggest)
 *   /dumps/*         DumpsServlet         the downloads: the files of the built dataset (TEI too), with ETags and 304s
 *   /annotations/*   AnnotationsServlet   the Web Annotation Protocol, read side: a collection per text, paged
 *   /void, /.well-known/void  VoidServlet  the VoID and DCAT description
 *   /context.jsonld  ContextServlet       the JSON-LD context every JSON-LD answer names (added by KgServer)
 *   /id/*, /claim/*, ... ResourceServlet  every IRI of the data
 *   /kg/...          Fuseki               SPARQL Query, Graph Store read
 *   /health, /ready  ReplicaServlets      for load balancers (added by KgServer)
 *   (anything else)  NotFoundPages        a 404 that says where to look (a page for browsers), added by KgServer
 * </pre>
 * A new route is a servlet and a line here; a filter goes in with {@link KgServer.Builder#filter}, a Fuseki
 * operation with {@link KgServer.Builder#operation}.
 */
public final class Servers {
    private Servers() {}

    /** The server of a built graph. */
    public static KgServer.Builder standard(KnowledgeGraph kg, KgConfig config) {
        return standard(Datasets.unionView(kg.dataset()), config);
    }

    /**
     * The server of a dataset in its queryable form (named graphs, their union as the default graph), built from the
     * sources of {@code config} (their fingerprint is the one the server shows), its dumps serialised from it on
     * their first request (not at start-up).
     */
    public static KgServer.Builder standard(DatasetGraph queryable, KgConfig config) {
        return standard(queryable, config, Fingerprint.of(config.projectDir(), config.base()), () -> Dump.of(queryable, config.base()),
                Instant.now());
    }

    /**
     * The same, for a dataset of a known fingerprint with the dumps of it that the build wrote at {@code written} (the
     * built dataset that serve loads). The dumps are asked for once, on the first request that needs them.
     */
    public static KgServer.Builder standard(DatasetGraph queryable, KgConfig config, String fingerprint, Supplier<List<Dump>> dumpsOf,
            Instant written) {
        return standard(queryable, config, fingerprint, dumpsOf, written, QueryCatalog.load(config.projectDir(), config.base()));
    }

    /** The same, with the canned queries of {@code config}'s project read already (serve reads them while the dataset loads). */
    public static KgServer.Builder standard(DatasetGraph queryable, KgConfig config, String fingerprint, Supplier<List<Dump>> dumpsOf,
            Instant written, QueryCatalog catalog) {
        Supplier<List<Dump>> dumps = once(dumpsOf);
        // the text index of text:query and /search, in memory, made from the dataset served
        TextSearch.attach(queryable, config.base());
        QueryPolicy policy = QueryPolicy.of(config);
        Terms terms = new Terms(config.base());
        // read at start-up, in a read transaction (a TDB2 store is read in nothing else); requests get one each
        JsonLdContext jsonLd = Txn.calculateRead(queryable, () -> DatasetWriter.context(queryable, config.base()));
        QueryRunner runner = new QueryRunner(queryable, policy, jsonLd);
        CannedTables tables = new CannedTables(catalog, runner, terms);
        VoidServlet voidDescription = new VoidServlet(queryable, config.base(), dumps, written, jsonLd);
        Statistics stats = Txn.calculateRead(queryable, () -> Statistics.of(queryable, config.base().node(SPD.GRAPH_CURATED)));
        // one cache of answers for the endpoint and the canned queries
        AnswerCache answers = new AnswerCache(fingerprint, config.limits().answerCacheBytes());
        KgServer.Builder b = KgServer.create().port(config.port()).dataset(queryable).policy(policy)
                .fingerprint(fingerprint).jsonLd(jsonLd).answers(answers).address(config.address());
        // the reconciliation index is made on first use (a /reconcile request, or a 404 that suggests a name)
        Supplier<Reconciler> reconciler = once(() -> Reconciler.of(queryable, config.base()));
        ReconcileServlet reconcile = new ReconcileServlet(reconciler, config.base());
        ReadingServlet reading = new ReadingServlet(queryable, terms);
        // the anchors as Web Annotations, read from the graph on first use (a collection, or an annotation at its IRI)
        Supplier<WebAnnotations> annotations = once(() -> WebAnnotations.of(queryable.getDefaultGraph(), config.base()));
        ResourceServlet resources = new ResourceServlet(queryable, terms, jsonLd, reconciler, reading, annotations);
        ResourceServlet.PATHS.forEach(p -> b.servlet(p, resources));
        OntologyServlet ontology = new OntologyServlet(queryable.getGraph(config.base().node(SPD.GRAPH_ONTOLOGY)), config.base(), jsonLd);
        return b.servlet("", new HomeServlet(catalog, stats, config.base()))
                .servlet("/run/*", new RunServlet(tables))
                .servlet(SearchServlet.PATH, new SearchServlet(tables))
                .servlet("/editor", new EditorServlet())
                .servlet("/static/*", new StaticAssets())
                .servlet("/favicon.ico", StaticAssets.atRoot())
                .servlet("/api/queries", new CatalogueServlet(catalog))
                .servlet("/api/queries/", new CatalogueServlet(catalog))
                .servlet(CannedQueryServlet.PATH + "*", new CannedQueryServlet(catalog, runner, answers))
                .servlet("/api/openapi.json", new OpenApiServlet(catalog))
                .servlet(DumpsServlet.PATH + "*", new DumpsServlet(dumps, written))
                .servlet(AnnotationsServlet.PATH + "*", new AnnotationsServlet(annotations))
                .servlet("/void", voidDescription)
                .servlet("/.well-known/void", voidDescription)
                .servlet("/api/*", new NotFoundServlet("the API has /api/queries and /api/openapi.json"))
                .servlet(ReconcileServlet.PATH, reconcile)
                .servlet(ReconcileServlet.PATH + "/*", reconcile)
                .servlet(ReadingServlet.ESSAY, reading)
                .servlet(PicturesServlet.PATH + "*", new PicturesServlet(queryable, tables))
                .servlet(ReadingServlet.PATH + "*", reading)
                .servlet(GraphServlet.PATH + "*", new GraphServlet(queryable, terms, jsonLd))
                .servlet("/ontology", ontology)
                .servlet("/ontology/*", ontology);
    }

    /** A supplier that asks its source once, on first use, and keeps the answer. */
    private static <T> Supplier<T> once(Supplier<T> source) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null)
                            value = source.get();
                        v = value;
                    }
                }
                return v;
            }
        };
    }
}
