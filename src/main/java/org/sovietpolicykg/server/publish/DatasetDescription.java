package org.sovietpolicykg.server.publish;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

import org.sovietpolicykg.Version;
import org.sovietpolicykg.dataset.Counts;
import org.sovietpolicykg.dataset.Dump;
import org.sovietpolicykg.interchange.TeiDocument;
import org.sovietpolicykg.server.sparql.Endpoints;
import org.sovietpolicykg.vocabulary.BaseIri;
import org.sovietpolicykg.vocabulary.SPO;
import org.sovietpolicykg.vocabulary.VOID;

/**
 * The served dataset described for catalogues and clients, as VoID and DCAT in one graph: counts (triples, entities,
 * distinct subjects and objects, classes and properties with their partitions), the named graphs as subsets with their
 * triples, the linkset to Wikidata, the SPARQL endpoint, every dump as a distribution (media type, byte size, sha256),
 * the endpoint as a data service, the licence, the version, the date of the build, and the sha256 of each source
 * text. Every count is what a COUNT query on the endpoint answers.
 */
public final class DatasetDescription {
    public static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";
    public static final String SPDX = "http://spdx.org/rdf/terms#";

    private DatasetDescription() {}

    /** The description, with the endpoint and dumps under {@code serverUrl} (e.g. http://localhost:3030). */
    public static Model of(DatasetGraph queryable, BaseIri base, List<Dump> dumps, Instant written, String serverUrl) {
        Model m = ModelFactory.createDefaultModel();
        base.prefixes().forEach((p, uri) -> m.setNsPrefix(p, uri));
        m.setNsPrefix(VOID.PREFIX, VOID.NS);
        m.setNsPrefix("dcat", DCAT.NS);
        m.setNsPrefix("spdx", SPDX);
        Resource ds = m.createResource(base.iri() + "void");
        ds.addProperty(RDF.type, VOID.Dataset).addProperty(RDF.type, DCAT.Dataset);
        ds.addProperty(DCTerms.title, m.createLiteral("Soviet Policy KG", "en"));
        ds.addProperty(DCTerms.description, m.createLiteral("A knowledge graph of an essay on Stalin's foreign policy and Socialism"
                + " in One Country: actors, policies, events, historiographical claims and domestic-foreign links, each anchored"
                + " to its passage of the essay.", "en"));
        ds.addProperty(DCTerms.license, m.createResource(LICENSE));
        ds.addProperty(m.createProperty(DCAT.NS + "version"), Version.NUMBER);
        ds.addProperty(DCTerms.modified, m.createTypedLiteral(written.atOffset(ZoneOffset.UTC).toString(), XSDDatatype.XSDdateTime));
        ds.addProperty(VOID.uriSpace, base.iri());
        ds.addProperty(VOID.vocabulary, m.createResource(base.iri(SPO.NS)));
        Resource endpoint = m.createResource(serverUrl + Endpoints.QUERY);
        ds.addProperty(VOID.sparqlEndpoint, endpoint);
        Txn.executeRead(queryable, () -> {
            Dataset d = DatasetFactory.wrap(queryable);
            ds.addLiteral(VOID.triples, Counts.count(d, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"));
            ds.addLiteral(VOID.entities, Counts.count(d, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"" + base.iri() + "id/\")) }"));
            ds.addLiteral(VOID.distinctSubjects, Counts.count(d, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }"));
            ds.addLiteral(VOID.distinctObjects, Counts.count(d, "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }"));
            ds.addLiteral(VOID.classes, Counts.count(d, "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }"));
            ds.addLiteral(VOID.properties, Counts.count(d, "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }"));
            Counts.each(d, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c ORDER BY ?c", s -> ds.addProperty(VOID.classPartition,
                    m.createResource().addProperty(VOID.clazz, s.getResource("c")).addLiteral(VOID.entities, s.getLiteral("n").getLong())));
            Counts.each(d, "SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p ORDER BY ?p", s -> ds.addProperty(VOID.propertyPartition,
                    m.createResource().addProperty(VOID.property, s.getResource("p")).addLiteral(VOID.triples, s.getLiteral("n").getLong())));
            Counts.each(d, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g", s -> ds.addProperty(VOID.subset,
                    m.createResource(s.getResource("g").getURI()).addProperty(RDF.type, VOID.Dataset)
                            .addLiteral(VOID.triples, s.getLiteral("n").getLong())));
            Resource wikidata = m.createResource(base.iri() + "void#wikidata-links").addProperty(RDF.type, VOID.Linkset)
                    .addProperty(VOID.subjectsTarget, ds).addProperty(VOID.objectsTarget, m.createResource("http://www.wikidata.org/"))
                    .addProperty(VOID.linkPredicate, m.createResource(base.iri(SPO.wikidata.getURI())))
                    .addLiteral(VOID.triples, Counts.count(d, "SELECT (COUNT(*) AS ?n) { ?s <" + base.iri(SPO.wikidata.getURI()) + "> ?o }"));
            ds.addProperty(VOID.subset, wikidata);
            Counts.each(d, "SELECT ?t ?sha { ?t a <" + base.iri(SPO.Essay.getURI()) + "> ; <" + base.iri(SPO.sha256.getURI()) + "> ?sha } ORDER BY ?t",
                    s -> {
                        ds.addProperty(DCTerms.source, s.getResource("t"));
                        s.getResource("t").inModel(m).addProperty(m.createProperty(base.iri(SPO.sha256.getURI())), s.getLiteral("sha").getString());
                    });
        });
        for (Dump dump : dumps) {
            Resource url = m.createResource(serverUrl + DumpsServlet.PATH + dump.name());
            // the RDF dumps are VoID's data dumps; the table and the TEI are distributions only
            if (!dump.name().endsWith(".csv") && !dump.mediaType().equals(TeiDocument.MEDIA_TYPE))
                ds.addProperty(VOID.dataDump, url);
            ds.addProperty(DCAT.distribution, m.createResource().addProperty(RDF.type, DCAT.Distribution)
                    .addProperty(DCAT.downloadURL, url).addProperty(DCAT.mediaType, dump.mediaType())
                    .addProperty(DCAT.byteSize, m.createTypedLiteral(Long.toString(dump.size()), XSDDatatype.XSDnonNegativeInteger))
                    .addProperty(m.createProperty(SPDX + "checksum"), m.createResource()
                            .addProperty(m.createProperty(SPDX + "algorithm"), m.createResource(SPDX + "checksumAlgorithm_sha256"))
                            .addProperty(m.createProperty(SPDX + "checksumValue"), dump.sha256())));
        }
        ds.addProperty(DCAT.accessService, m.createResource().addProperty(RDF.type, DCAT.DataService)
                .addProperty(DCAT.endpointURL, endpoint).addProperty(DCAT.servesDataset, ds));
        return m;
    }
}
