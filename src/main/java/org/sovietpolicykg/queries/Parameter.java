package org.sovietpolicykg.queries;

import java.util.Objects;
import java.util.Optional;

import org.apache.jena.vocabulary.XSD;

/**
 * A parameter of a canned query, declared once by its variable name in the grlc/BASIL convention:
 * {@code ?_name} required, {@code ?__name} optional; a suffix gives the type: {@code ?_actor_iri} an IRI,
 * {@code ?_year_integer} an xsd:integer, {@code ?_label_en} a literal in English, {@code ?_day_xsd_date} a literal
 * of that datatype; none, a plain string. The query's {@code #+} header adds a description, a default and an example.
 */
public record Parameter(String name, String variable, boolean required, Kind kind, String datatypeOrLang,
        String description, Optional<String> defaultValue, Optional<String> example) {

    /** How a value is turned into an RDF term. */
    public enum Kind { STRING, IRI, TYPED, LANG }

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description;
    }

    /** A short name of the type for messages and the API description: "iri", "xsd:integer", "string", "@en". */
    public String typeName() {
        return switch (kind) {
            case STRING -> "string";
            case IRI -> "iri";
            case TYPED -> datatypeOrLang.replace(XSD.NS, "xsd:");
            case LANG -> "@" + datatypeOrLang;
        };
    }
}
