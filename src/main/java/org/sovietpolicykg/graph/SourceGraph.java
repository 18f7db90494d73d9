package org.sovietpolicykg.graph;

import static org.sovietpolicykg.graph.GraphBuilder.add;
import static org.sovietpolicykg.graph.GraphBuilder.en;
import static org.sovietpolicykg.graph.GraphBuilder.str;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import org.sovietpolicykg.curation.Declarations;
import org.sovietpolicykg.curation.TextCuration;
import org.sovietpolicykg.diagnostics.InputFiles;
import org.sovietpolicykg.text.Segment;
import org.sovietpolicykg.text.Segmentation;
import org.sovietpolicykg.text.SourceText;
import org.sovietpolicykg.vocabulary.SPD;
import org.sovietpolicykg.vocabulary.SPO;

/**
 * The source graph: each text as its folder holds it (read, and checked against the sha256 its curation was made
 * against), its record, and its paragraphs and sentences with their text and offsets.
 */
final class SourceGraph {
    private final Build build;
    private final Graph source;

    /** Adds to {@code source} in this build. */
    SourceGraph(Build build, Graph source) {
        this.build = build;
        this.source = source;
    }

    /** How messages name a text: its file in its folder, data/sources/essay/essay.txt. */
    static String displayName(TextCuration tc) {
        return tc.folder() + "/" + tc.record().file().value();
    }

    /** The largest source text, in bytes; a larger one is refused before it is read. */
    static final long MAX_TEXT_BYTES = 1L << 20;

    /** A source's text, checked against the sha256 its curation was made against. */
    Optional<SourceText> readText(TextCuration tc) {
        Declarations.SourceRecord record = tc.record();
        Path file = build.projectDir().resolve(tc.folder()).resolve(record.file().value());
        String name = displayName(tc);
        if (!Files.isRegularFile(file)) {
            build.problems().add(record.file().loc().problem("the text file " + name + " does not exist"));
            return Optional.empty();
        }
        if (!InputFiles.isInside(build.projectDir(), file)) {
            build.problems().add(record.file().loc().problem("the text file " + name + " is a symbolic link to a place outside the"
                    + " project; expected a regular file inside it (the link is not followed)"));
            return Optional.empty();
        }
        try {
            long size = Files.size(file);
            if (size > MAX_TEXT_BYTES) {
                build.problems().add(record.file().loc().problem(String.format(Locale.ROOT, "the text file %s has %,d bytes; a source text"
                        + " may have at most %,d (1 MiB: a build's time grows faster than a text's length, and a 1 MiB text takes"
                        + " about a minute and a half); split it into several sources, one per chapter", name, size, MAX_TEXT_BYTES)));
                return Optional.empty();
            }
        } catch (IOException e) {
            build.problems().add(record.file().loc().problem("the text file " + name + " cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
        Optional<String> content = InputFiles.readText(build.projectDir(), file, name, "the text its curation quotes", build.problems());
        if (content.isEmpty())
            return Optional.empty();
        SourceText text = SourceText.of(name, content.get());
        if (!text.sha256().equals(record.sha256().value()))
            build.problems().add(name, 0, 0, "the text has changed: its sha256 is " + text.sha256() + " but the curation was made against "
                    + record.sha256().value() + " (" + record.sha256().loc() + "); restore the text byte for byte"
                    + " (it is never edited) or re-check every quote and record the new sha256");
        return Optional.of(text);
    }

    /** A text, its paragraphs and its sentences, with their text and offsets (Unicode code points). */
    void build(TextCuration tc, SourceText text, Segmentation segments) {
        Declarations.SourceRecord record = tc.record();
        String name = tc.name();
        Node e = SPD.text(name);
        add(source, e, RDF.type.asNode(), SPO.Essay);
        add(source, e, DCTerms.title.asNode(), en(record.title().value()));
        record.description().ifPresent(d -> add(source, e, DCTerms.description.asNode(), en(d.value())));
        record.language().ifPresent(l -> add(source, e, DCTerms.language.asNode(), str(l.value())));
        record.author().flatMap(a -> build.ids().idOf("entity", a, "'author' of the source record")).ifPresent(a -> add(source, e, DCTerms.creator.asNode(), a));
        add(source, e, SPO.sha256, str(text.sha256()));
        add(source, e, RDF.value.asNode(), str(text.text()));
        add(source, e, SPO.end, Anchors.nonNegative(text.length()));
        for (Segment p : segments.paragraphs()) {
            Node pn = SPD.paragraph(name, p.paragraph());
            add(source, e, DCTerms.hasPart.asNode(), pn);
            segment(pn, SPO.Paragraph, e, p.paragraph(), p);
        }
        for (Segment s : segments.sentences()) {
            Node pn = SPD.paragraph(name, s.paragraph());
            Node sn = SPD.sentence(name, s.paragraph(), s.sentence());
            add(source, pn, DCTerms.hasPart.asNode(), sn);
            segment(sn, SPO.Sentence, pn, s.sentence(), s);
        }
    }

    private void segment(Node n, Node type, Node parent, int index, Segment s) {
        add(source, n, RDF.type.asNode(), type);
        add(source, n, RDFS.label.asNode(), en(Character.toUpperCase(s.label().charAt(0)) + s.label().substring(1)));
        add(source, n, DCTerms.isPartOf.asNode(), parent);
        add(source, n, SPO.index, NodeFactory.createLiteralDT(Integer.toString(index), XSDDatatype.XSDpositiveInteger));
        add(source, n, SPO.start, Anchors.nonNegative(s.start()));
        add(source, n, SPO.end, Anchors.nonNegative(s.end()));
        add(source, n, RDF.value.asNode(), str(s.text()));
    }
}
