package org.sovietpolicykg.graph;

import static org.sovietpolicykg.graph.GraphBuilder.add;
import static org.sovietpolicykg.graph.GraphBuilder.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

import org.sovietpolicykg.curation.Declarations;
import org.sovietpolicykg.curation.Ref;
import org.sovietpolicykg.curation.TextCuration;
import org.sovietpolicykg.diagnostics.Problems;
import org.sovietpolicykg.text.Segment;
import org.sovietpolicykg.text.Segmentation;
import org.sovietpolicykg.text.SourceText;
import org.sovietpolicykg.vocabulary.OA;
import org.sovietpolicykg.vocabulary.SPD;
import org.sovietpolicykg.vocabulary.SPO;

/**
 * The mentions of the curated graph: every place a text names an entity (by its names and its variants), each an
 * annotation anchored to its passage; a name the curation declares that its text never uses is a problem.
 */
final class MentionGraph {
    private final Graph curated;
    private final Problems problems;

    MentionGraph(Graph curated, Problems problems) {
        this.curated = curated;
        this.problems = problems;
    }

    /** The names an entity is found by: its names, else (with no variant either) its label; an implicit one's names only. */
    static List<Ref> namesOf(Declarations.Entity d) {
        if (d.implicit())
            return d.names();
        return d.names().isEmpty() && d.variants().isEmpty() ? List.of(d.label()) : d.names();
    }

    /**
     * The mentions in one text of every entity's names (an entity of one text may be named in another); each name
     * of an entity declared with this text must occur in it.
     */
    List<MentionFinder.Mention> find(List<Declarations.Entity> decls, TextCuration text, SourceText source, Segmentation segments,
            Anchors anchors, String where) {
        String name = text.name();
        List<MentionFinder.Name> names = new ArrayList<>();
        for (Declarations.Entity d : decls) {
            namesOf(d).forEach(n -> names.add(new MentionFinder.Name(d.id().value(), n.value(), false)));
            d.variants().forEach(n -> names.add(new MentionFinder.Name(d.id().value(), n.value(), true)));
        }
        List<MentionFinder.Mention> found = MentionFinder.find(source, names);
        for (MentionFinder.Mention m : found) {
            Optional<Segment> seg = segments.smallestContaining(m.start(), m.end());
            if (seg.isEmpty())
                continue;
            Node anno = SPD.mention(name, m.entityId(), m.start());
            anchors.emit(curated, anno, SPO.Mention, SPD.entity(m.entityId()), OA.identifying,
                    new Anchors.Span(m.start(), m.end(), seg.get()));
            add(curated, anno, SPO.surfaceForm, str(m.form()));
            if (m.variant())
                add(curated, anno, SPO.isVariant, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
        }
        for (Declarations.Entity d : text.entities()) {
            for (Ref n : namesOf(d))
                if (found.stream().noneMatch(m -> m.entityId().equals(d.id().value()) && m.form().equals(n.value())))
                    problems.add(n.loc().problem("the name '" + n.value() + "' of entity '" + d.id().value()
                            + "' occurs nowhere in " + where + " as a whole word (or only inside a longer name);"
                            + " expected a form the text uses, exactly (case and apostrophes count)"));
            for (Ref v : d.variants())
                if (found.stream().noneMatch(m -> m.entityId().equals(d.id().value()) && m.form().equals(v.value())))
                    problems.add(v.loc().problem("the variant '" + v.value() + "' of entity '" + d.id().value()
                            + "' occurs nowhere in " + where + " as a whole word; expected the text's own spelling"));
        }
        return found;
    }
}
