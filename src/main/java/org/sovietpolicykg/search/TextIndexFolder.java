package org.sovietpolicykg.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

import org.sovietpolicykg.Sha256;
import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.errors.KgException;
import org.sovietpolicykg.vocabulary.BaseIri;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The text index as {@code build} writes it beside the dataset ({@value #FOLDER}/, a Lucene index that
 * {@link FSDirectory} reads) and {@code serve} loads it, with a record ({@value #RECORD}) of the sources' fingerprint
 * it was built from, how many documents it holds and a digest of their contents. Lucene's segment files are not the
 * same bytes from build to build (each segment has a random id), so the record's digest is of the documents, their
 * stored fields sorted: the same sources give the same digest.
 * <pre>
 *   files.putAll(TextIndexFolder.files(kg.dataset(), base, fingerprint));   // build: "text-index/_0.cfs", ...
 *   TextSearch.attach(queryable, TextIndexFolder.open(dir.resolve(TextIndexFolder.FOLDER), fingerprint, base));   // serve
 * </pre>
 * The loaded index is a copy in memory (a few MB at 100 texts): Jena's {@link TextIndexLucene} opens a writer on its
 * directory, which would put a lock file into the built dataset, whose files the build's manifest lists.
 */
public final class TextIndexFolder {
    /** The folder of the index, in the built dataset's folder or a TDB2 store's. */
    public static final String FOLDER = "text-index";
    /** The record in {@value #FOLDER}: the sources' fingerprint, the number of documents and their digest (JSON). */
    public static final String RECORD = "kg-text-index.json";

    private TextIndexFolder() {}

    /** The record of an index: what it was built from and what it holds. */
    public record Record(String sources, int documents, String digest) {}

    /**
     * The files of the index of a dataset (named graphs, or their queryable union view), by their names in a dataset's
     * folder ({@code text-index/...}), with the record, for {@code DatasetWriter.writeAtomically}. The index is one
     * segment (merged), which queries read fastest.
     */
    public static Map<String, byte[]> files(DatasetGraph dsg, BaseIri base, String fingerprint) {
        TextIndexLucene index = (TextIndexLucene) TextSearch.index(dsg, base);
        try {
            index.getIndexWriter().forceMerge(1);
            index.getIndexWriter().commit();
            Directory dir = index.getDirectory();
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String name : SegmentInfos.readLatestCommit(dir).files(true)) {
                try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
                    byte[] bytes = new byte[Math.toIntExact(in.length())];
                    in.readBytes(bytes, 0, bytes.length);
                    files.put(FOLDER + "/" + name, bytes);
                }
            }
            Record record = new Record(fingerprint, TextSearch.documents(index), digest(dir));
            files.put(FOLDER + "/" + RECORD, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
            return files;
        } catch (IOException e) {
            throw new KgException("The text index could not be written: " + e.getMessage(), e);
        } finally {
            index.close();
        }
    }

    /** The record in an index's folder. */
    public static Record record(Path folder) {
        Path f = folder.resolve(RECORD);
        try {
            JsonNode j = new ObjectMapper().readTree(Files.readString(f, StandardCharsets.UTF_8));
            if (!j.path("sources").isTextual() || !j.path("documents").isInt() || !j.path("digest").isTextual())
                throw new ConfigException(f + ": not a text index record: expected {\"sources\": fingerprint, \"documents\": n, \"digest\": sha256}");
            return new Record(j.get("sources").asText(), j.get("documents").asInt(), j.get("digest").asText());
        } catch (IOException e) {
            throw new ConfigException(f + ": cannot read the text index's record: " + e.getMessage() + "; run build again");
        }
    }

    /** Whether a dataset's folder (or a TDB2 store's) holds a text index. */
    public static boolean isIn(Path datasetDir) {
        return Files.isRegularFile(datasetDir.resolve(FOLDER).resolve(RECORD));
    }

    /**
     * The index in {@code folder}, which must have been built from the sources of {@code fingerprint}: one of other
     * sources is refused, with both fingerprints.
     */
    public static TextIndex open(Path folder, String fingerprint, BaseIri base) {
        Record record = record(folder);
        if (!record.sources().equals(fingerprint))
            throw new ConfigException(folder + ": the text index was built from other sources (fingerprint " + record.sources()
                    + ", the sources now " + fingerprint + "); run build again");
        ByteBuffersDirectory copy = new ByteBuffersDirectory();
        try (Directory fs = FSDirectory.open(folder)) {
            for (String name : SegmentInfos.readLatestCommit(fs).files(true))
                copy.copyFrom(fs, name, name, IOContext.READONCE);
        } catch (IOException e) {
            throw new ConfigException(folder + ": cannot read the text index: " + e.getMessage() + "; run build again");
        }
        TextIndexLucene index = new TextIndexLucene(copy, TextSearch.config(base));
        int n = TextSearch.documents(index);
        if (n != record.documents()) {
            index.close();
            throw new ConfigException(folder + ": the text index holds " + n + " documents, its record " + record.documents() + "; run build again");
        }
        return index;
    }

    /**
     * The digest of the documents of an index: each document's stored fields as "name=value" lines in name order, the
     * documents in order of those lines, sha256 (hex). Independent of how Lucene laid out its segments.
     */
    public static String digest(TextIndex index) {
        try {
            return digest(((TextIndexLucene) index).getDirectory());
        } catch (IOException e) {
            throw new KgException("The text index could not be read: " + e.getMessage(), e);
        }
    }

    private static String digest(Directory dir) throws IOException {
        List<String> docs = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (leaf.reader().getLiveDocs() != null && !leaf.reader().getLiveDocs().get(i))
                        continue;
                    Document d = stored.document(i);
                    List<String> fields = new ArrayList<>();
                    for (IndexableField f : d.getFields())
                        fields.add(f.name() + "=" + f.stringValue());
                    Collections.sort(fields);
                    docs.add(String.join("\n", fields));
                }
            }
        }
        Collections.sort(docs);
        MessageDigest md = Sha256.digest();
        for (String doc : docs)
            md.update((doc + "\n\n").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }
}
