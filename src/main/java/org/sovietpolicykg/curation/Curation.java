package org.sovietpolicykg.curation;

import java.util.List;

import org.sovietpolicykg.curation.Declarations.Claim;
import org.sovietpolicykg.curation.Declarations.Entity;
import org.sovietpolicykg.curation.Declarations.Link;
import org.sovietpolicykg.curation.Declarations.ReferenceDate;
import org.sovietpolicykg.curation.Declarations.Source;
import org.sovietpolicykg.curation.Declarations.SourceRecord;
import org.sovietpolicykg.curation.Declarations.Statement;
import org.sovietpolicykg.curation.Declarations.WikidataLink;

/** Everything declared in data/, in file order: the essay's record, the curation and the enrichment. */
public record Curation(SourceRecord source, List<Entity> entities, List<Claim> claims, List<Statement> statements,
        List<Link> links, List<Source> sources, List<WikidataLink> wikidata, List<ReferenceDate> dates) {}
