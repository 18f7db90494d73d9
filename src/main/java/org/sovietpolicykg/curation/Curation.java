package org.sovietpolicykg.curation;

import java.util.List;
import java.util.function.Function;

import org.sovietpolicykg.curation.Declarations.Claim;
import org.sovietpolicykg.curation.Declarations.Entity;
import org.sovietpolicykg.curation.Declarations.Link;
import org.sovietpolicykg.curation.Declarations.Note;
import org.sovietpolicykg.curation.Declarations.ReferenceDate;
import org.sovietpolicykg.curation.Declarations.Source;
import org.sovietpolicykg.curation.Declarations.Statement;
import org.sovietpolicykg.curation.Declarations.Unlinked;
import org.sovietpolicykg.curation.Declarations.WikidataLink;

/**
 * Everything declared in data/, in file order: each source text with its curation ({@code data/sources/NAME/}), and
 * the enrichment ({@code data/enrichment/}: sources, Wikidata links, reference dates, curators' notes). Ids are one name space across all sources: an entity declared with one
 * text is the same entity wherever another text mentions it.
 */
public record Curation(List<TextCuration> texts, List<Source> sources, List<WikidataLink> wikidata, List<Unlinked> unlinked,
        List<ReferenceDate> dates, List<Note> notes, List<Unlinked> undated) {

    public List<Entity> entities() {
        return all(TextCuration::entities);
    }

    public List<Claim> claims() {
        return all(TextCuration::claims);
    }

    public List<Statement> statements() {
        return all(TextCuration::statements);
    }

    public List<Link> links() {
        return all(TextCuration::links);
    }

    private <T> List<T> all(Function<TextCuration, List<T>> part) {
        return texts.stream().flatMap(t -> part.apply(t).stream()).toList();
    }
}
