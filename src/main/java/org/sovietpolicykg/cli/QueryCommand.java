package org.sovietpolicykg.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;

import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.dataset.Datasets;
import org.sovietpolicykg.formats.Format;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.queries.CannedQuery;
import org.sovietpolicykg.queries.QueryBinder;
import org.sovietpolicykg.queries.QueryCatalog;
import org.sovietpolicykg.queries.QueryPolicy;
import org.sovietpolicykg.queries.QueryRunner;
import org.sovietpolicykg.search.TextSearch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code query NAME}: runs a canned query of queries/ without a server, or lists them with {@code --list}. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a canned query of queries/ on the graph, without a server.")
final class QueryCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The query's name (its file name without .rq)")
    String name;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter value, e.g. --param year=1937")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv, tsv, json, xml (SELECT, ASK); turtle, jsonld, ntriples, rdfxml (CONSTRUCT, DESCRIBE)")
    String format;

    @Option(names = "--list", description = "List the canned queries and their parameters")
    boolean list;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        KgConfig config = project.config();
        QueryCatalog catalog = QueryCatalog.load(config.projectDir(), config.base());
        PrintStream out = System.out;
        if (list || name == null) {
            for (CannedQuery q : catalog.all()) {
                spec.commandLine().getOut().printf("%-34s %s%n", q.name(), q.summary());
                q.parameters().forEach(p -> spec.commandLine().getOut().printf("%-34s   --param %s=<%s>%s%n", "", p.name(), p.typeName(),
                        p.defaultValue().map(d -> " (default " + d + ")").orElse(p.required() ? " (required)" : " (optional)")));
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
        CannedQuery q = catalog.get(name);
        Query bound = QueryBinder.bind(q, params, config.base());
        Format f = format == null ? (q.isTabular() ? Format.CSV : Format.TURTLE) : Format.byKey(format, Format.answers());
        KnowledgeGraph kg = GraphBuilder.of(config).build();
        DatasetGraph queryable = Datasets.unionView(kg.dataset());
        TextSearch.attach(queryable, config.base());
        byte[] result = new QueryRunner(queryable, QueryPolicy.of(config)).run(bound, f);
        out.write(result, 0, result.length);
        out.flush();
        return 0;
    }
}
