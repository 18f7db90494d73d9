package org.sovietpolicykg.server.sparql;

/** Where the SPARQL service answers: the dataset's path and its endpoints, for the rooms that link to them. */
public final class Endpoints {
    /** The dataset: SPARQL Query at {@code /kg/sparql}, {@code /kg/query} and {@code /kg}. */
    public static final String DATASET = "/kg";
    /** The SPARQL 1.1 Query endpoint. */
    public static final String QUERY = DATASET + "/sparql";

    private Endpoints() {}
}
