package org.sovietpolicykg.curation;

import java.util.List;

import org.sovietpolicykg.curation.Declarations.Claim;
import org.sovietpolicykg.curation.Declarations.Entity;
import org.sovietpolicykg.curation.Declarations.Link;
import org.sovietpolicykg.curation.Declarations.SourceRecord;
import org.sovietpolicykg.curation.Declarations.Statement;
import org.sovietpolicykg.curation.Declarations.Unreviewed;

/**
 * One source text's folder, {@code data/sources/NAME/}: its name (a slug, which names its IRIs, {@code text/NAME}),
 * its record and what its curation files declare. Quotes of these declarations are resolved against this text.
 * {@code unreviewed}: its declarations marked {@code reviewed: false} (proposed by import or draft), in file order.
 */
public record TextCuration(String name, String folder, SourceRecord record, List<Entity> entities, List<Claim> claims,
        List<Statement> statements, List<Link> links, List<Unreviewed> unreviewed) {}
