package org.sovietpolicykg.queries;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.query.Query;

/**
 * One file of queries/: its name (the file name without {@code .rq}), the metadata of its {@code #+} header, its
 * typed parameters and its text, parsed once.
 */
public record CannedQuery(String name, String file, String summary, String description, List<String> tags,
        List<Parameter> parameters, String text, Query parsed, Map<String, String> example) {

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The query alone: its text without the {@code #+} header (which the catalogue gives in fields of its own), as a
     * client is handed it to run. SPARQLWrapper, for one, guesses a query's type from its text with a comment
     * stripper that misses every other line of a header, and the words of a header ("added") then make it an update.
     */
    public String sparql() {
        StringBuilder out = new StringBuilder();
        boolean header = true;
        for (String line : text.split("\n", -1)) {
            if (header && (line.startsWith("#+") || line.isBlank()))
                continue;
            header = false;
            out.append(line).append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** SELECT or ASK (tabular results) rather than CONSTRUCT or DESCRIBE (a graph). */
    public boolean isTabular() {
        return parsed.isSelectType() || parsed.isAskType();
    }

    /** The tag of a query that calls another endpoint with SERVICE (Wikidata's, or its alias). */
    public static final String FEDERATED = "federated";

    /** Whether the query calls another endpoint with SERVICE ({@code tags: [federated]}): its answer depends on that endpoint. */
    public boolean isFederated() {
        return tags.contains(FEDERATED);
    }

    /** The tag of a query that searches the text index ({@code text:query}): jena-text's, which other engines lack. */
    public static final String TEXT = "text";

    /** Whether the query searches the text index ({@code tags: [text]}), which only this server (and the CLI) builds. */
    public boolean usesTextIndex() {
        return tags.contains(TEXT);
    }

    /** Whether the results come in a defined order (the query has ORDER BY), for comparing with golden files. */
    public boolean isOrdered() {
        return parsed.hasOrderBy();
    }
}
