package org.sovietpolicykg.curation;

import java.util.List;
import java.util.Optional;

import org.sovietpolicykg.diagnostics.Loc;
import org.sovietpolicykg.text.Quote;

/**
 * What a curator declares in data/, as read from the YAML files and before any of it is resolved against the
 * essay or the ontology. Every part keeps its {@link Loc} so that later stages can still say file:line.
 */
public final class Declarations {
    private Declarations() {}

    /** A quote with where it was written. */
    public record QuoteRef(Quote quote, Loc loc) {}

    /** The essay's own wording of a time, and its bounds (a year, a year-month or a date), either open. */
    public record When(Loc loc, Ref text, Optional<Ref> from, Optional<Ref> to, Optional<Ref> precision, List<Relative> relative) {}

    /**
     * A time given relative to another thing's time, in the essay's words: {@code kind} a concept of
     * spc:temporal-relations (after, before, same-time), {@code of} the entity whose time it counts from, {@code text}
     * the phrase ("post-archives", "A year later", "after Munich").
     */
    public record Relative(Loc loc, Ref kind, Ref of, Ref text) {}

    /** A value of a property: entity id or concept slug for an object property, the lexical form otherwise. */
    public record PropertyValues(Ref property, List<Ref> values) {}

    /** {@code variantKind}: what kind of variant its variants are (a concept of spc:variant-kinds; misspelling unless given). */
    public record Entity(Loc loc, Ref id, Ref type, Ref label, List<Ref> names, List<Ref> variants,
            Optional<Ref> description, boolean implicit, Optional<QuoteRef> quote, Optional<When> when,
            List<PropertyValues> properties, Optional<Ref> variantKind) {}

    public record Claim(Loc loc, Ref id, Ref by, List<Ref> stances, Optional<Ref> work, List<Ref> evidence,
            List<Ref> about, Ref summary, QuoteRef quote, List<Ref> supports, List<Ref> qualifies,
            List<Ref> disputes, Optional<Ref> note, Optional<Ref> role, List<Ref> answers, List<Ref> episodes) {}

    /**
     * {@code interpretedIn}: the curators' claim that a side the essay does not name rests on, if any; {@code heldBy}: for
     * a reason (a predicate under spo:hasReason), the actor whose reason it is.
     */
    public record Statement(Loc loc, Ref id, Ref subject, Ref predicate, Ref object, Ref claim, QuoteRef quote,
            Optional<Ref> note, Optional<When> when, Optional<Ref> interpretedIn, Optional<Ref> modality, Optional<Ref> heldBy) {}

    /** {@code interpretedIn}: the curators' claim that a side the essay does not name rests on, if any. */
    public record Link(Loc loc, Ref id, Ref domestic, Ref foreign, Ref relation, Optional<Ref> direction, Ref claim,
            QuoteRef quote, Optional<Ref> note, Optional<Ref> interpretedIn, Optional<Ref> modality) {}

    /** Where a fact added from outside the essay comes from. */
    public record Source(Loc loc, Ref id, Ref label, Optional<Ref> url) {}

    /**
     * A Wikidata item for an entity, with the evidence that pairs them and how closely the item matches: {@code exact}
     * (the same thing, the default), {@code close} (nearly, e.g. the Great Patriotic War and the Eastern Front) or
     * {@code broad} (the item is broader, e.g. the Russian Revolution for the October Revolution).
     */
    public record WikidataLink(Loc loc, Ref entity, Ref qid, Optional<Ref> label, Ref evidence, Optional<Ref> match) {
        public static final List<String> MATCHES = List.of("exact", "close", "broad");

        /** The match kind, {@code exact} unless given. */
        public String matchKind() {
            return match.map(Ref::value).orElse("exact");
        }
    }

    /**
     * A curators' note from elsewhere (a caveat of the historiography, a reading historians contest) on a claim,
     * statement, link or entity of the curation, with the works it cites: it goes to the enrichment graph.
     */
    public record Note(Loc loc, Ref id, Ref on, Ref text, List<Ref> sources) {}

    /**
     * An entity deliberately left without a value, and why: without a Wikidata link (no citable pairing found, no such
     * item, ...) or, under {@code undated:}, a policy, decision or event without a date (the essay gives none, ...).
     */
    public record Unlinked(Loc loc, Ref entity, Ref why, Optional<Ref> source) {}

    /** A reference date from outside the essay, for an entity that has a time. */
    public record ReferenceDate(Loc loc, Ref entity, Optional<Ref> from, Optional<Ref> to, Ref precision, Ref source,
            Optional<Ref> label) {}

    /**
     * A declaration marked {@code reviewed: false}: proposed by {@code import} or {@code draft} and not yet checked by a
     * curator, who accepts it by removing the key (or setting it true). The build reports these in its coverage.
     */
    public record Unreviewed(Loc loc, String kind, String id) {}

    /**
     * A source text's record ({@code data/sources/NAME/source.yaml}): its file, the sha256 the curation was made
     * against, its title, and optionally a description, its language and the entity id of its author.
     */
    public record SourceRecord(Loc loc, Ref file, Ref sha256, Ref title, Optional<Ref> description,
            Optional<Ref> language, Optional<Ref> author) {}
}
