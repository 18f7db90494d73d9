package org.sovietpolicykg.queries;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.GraphQueryResult;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.sail.memory.MemoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on Eclipse RDF4J's MemoryStore, an independent engine, loaded from the build's N-Quads. */
class Rdf4jQueryContractTest extends AbstractQueryContractTest {
    static Repository repo;

    @BeforeAll
    static void load() throws IOException {
        repo = new SailRepository(new MemoryStore());
        try (RepositoryConnection c = repo.getConnection()) {
            c.add(new ByteArrayInputStream(nquads()), "", RDFFormat.NQUADS);
        }
    }

    @AfterAll
    static void close() {
        repo.shutDown();
    }

    @Override
    List<Map<String, String>> select(String text, boolean ask) {
        try (RepositoryConnection c = repo.getConnection()) {
            if (ask)
                return List.of(Map.of("boolean", Boolean.toString(c.prepareBooleanQuery(text).evaluate())));
            List<Map<String, String>> rows = new ArrayList<>();
            try (TupleQueryResult r = c.prepareTupleQuery(text).evaluate()) {
                List<String> vars = r.getBindingNames();
                for (BindingSet b : r) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (String v : vars)
                        row.put(v, term(b.getValue(v)));
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    @Override
    Set<String> construct(String text) {
        Set<String> out = new TreeSet<>();
        try (RepositoryConnection c = repo.getConnection(); GraphQueryResult r = c.prepareGraphQuery(text).evaluate()) {
            for (Statement s : r)
                out.add(term(s.getSubject()) + " " + term(s.getPredicate()) + " " + term(s.getObject()));
        }
        return out;
    }

    static String term(Value v) {
        if (v == null)
            return null;
        if (v instanceof IRI iri)
            return Rows.iri(iri.stringValue());
        if (v instanceof Literal l)
            return Rows.literal(l.getLabel(), l.getLanguage().isPresent() ? null : l.getDatatype().stringValue(), l.getLanguage().orElse(null));
        return "_:blank";
    }
}
