package org.sovietpolicykg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sovietpolicykg.config.KgConfig;
import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.graph.GraphBuilder;
import org.sovietpolicykg.graph.KnowledgeGraph;
import org.sovietpolicykg.vocabulary.BaseIri;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every command shares: where the sources are, the base IRI, the query time limit and where SERVICE may call. */
final class ProjectOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--project", paramLabel = "DIR", descriptionKey = "kg.project", converter = Converters.Folder.class)
    Path project;

    @Option(names = "--base", paramLabel = "IRI", descriptionKey = "kg.base", converter = Converters.Base.class)
    BaseIri base;

    @Option(names = "--query-timeout", paramLabel = "MS", descriptionKey = "kg.queryTimeoutMs", converter = Converters.Timeout.class)
    int queryTimeoutMs;

    @Option(names = "--allow-service", paramLabel = "URL", split = ",", descriptionKey = "kg.allowService",
            converter = Converters.AllowedService.class)
    List<String> allowedServices = new ArrayList<>();

    @Option(names = "--service-alias", paramLabel = "FROM=TO", split = ",", descriptionKey = "kg.serviceAlias",
            converter = Converters.ServiceAlias.class)
    List<Map.Entry<String, String>> serviceAliases = new ArrayList<>();

    /** The configuration these options make, with the other settings at their defaults. */
    KgConfig config() {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : serviceAliases)
            if (aliases.putIfAbsent(a.getKey(), a.getValue()) != null)
                throw new ParameterException(spec.commandLine(), "Illegal --service-alias " + a.getKey() + "=" + a.getValue() + ": "
                        + a.getKey() + " already has an alias, " + aliases.get(a.getKey()));
        KgConfig.Federation federation;
        try {
            federation = new KgConfig.Federation(allowedServices, aliases);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return KgConfig.defaults().withProjectDir(project).withBase(base).withQueryTimeoutMs(queryTimeoutMs).withFederation(federation);
    }

    KnowledgeGraph build() {
        return GraphBuilder.of(config()).build();
    }
}
