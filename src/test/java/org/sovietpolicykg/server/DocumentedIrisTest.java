package org.sovietpolicykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Docs that cannot drift: every IRI and local path that README.md, data/README.md and ontology/README.md mention
 * resolves on the running server. What counts as a mention:
 * <ul>
 * <li>an IRI under the default base, {@code <https://w3id.org/soviet-policy-kg/...>} or bare, and a path under the
 * base written {@code <base>claim/...} or {@code <…/id/...>}: its path after the base;</li>
 * <li>a local path of the data, {@code /id/...}, {@code /claim/...}, {@code /link/...}, {@code /statement/...},
 * {@code /text/...}, {@code /concept/...}, {@code /anno/...}, {@code /source/...}, {@code /enrichment/...};</li>
 * <li>a prefixed name {@code spd:slug} (an entity, {@code /id/slug}), {@code spc:slug} (a concept,
 * {@code /concept/slug}) or {@code spo:Name} (a term, which must be declared in the ontology that {@code /ontology}
 * serves).</li>
 * </ul>
 * A named graph {@code graph/NAME} resolves through the Graph Store Protocol ({@code /kg/get?graph=IRI}); an ontology
 * term {@code ontology#Name} through {@code /ontology}. Patterns are not concrete IRIs and are skipped: a mention
 * holding {@code …} or {@code ...}, a capitalised placeholder ({@code NAME}, {@code SOURCE}, {@code NN}), the word
 * {@code slug}, or braces ({@code {kind}}); so is a namespace, an IRI ending in {@code /} or {@code #} (the prefixes
 * of the examples, {@code --base …/v2/}). The ontology's version IRI {@code ontology/X.Y.Z} is this release of
 * {@code /ontology}. Every other mention must answer 200.
 */
class DocumentedIrisTest extends AbstractLiveServerTest {
    static final List<String> DOCS = List.of("README.md", "data/README.md", "ontology/README.md");
    static final String BASE = "https://w3id.org/soviet-policy-kg/";
    static final String SEGMENT = "[A-Za-z0-9_#./…{}-]*[A-Za-z0-9_}…]";
    static final Pattern FULL = Pattern.compile(Pattern.quote(BASE) + "(" + SEGMENT + ")?([/#]?)");
    static final Pattern BASED = Pattern.compile("<(?:base>|…/)(" + SEGMENT + ")");
    static final Pattern PATH = Pattern.compile("(?<![\\w.:/>…-])/((?:id|claim|link|statement|text|concept|anno|source|enrichment)/" + SEGMENT + ")");
    static final Pattern CURIE = Pattern.compile("(?<![\\w/:-])(spd|spc|spo):([A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9])");
    static final Pattern PATTERN_WORDS = Pattern.compile("…|\\.\\.\\.|\\b(NAME|SOURCE|NN|N|slug)\\b|[{}]");

    /** Each concrete mention, as the path to fetch, with the first place it is mentioned. */
    static Map<String, String> mentions() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String doc : DOCS) {
            List<String> lines = Files.readAllLines(Path.of(doc), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i), where = doc + ":" + (i + 1);
                List<String> paths = new ArrayList<>();
                Matcher m = FULL.matcher(line);
                while (m.find())
                    if (m.group(1) != null && m.group(2).isEmpty())   // a namespace (ending in / or #) is no resource
                        paths.add(m.group(1));
                m = BASED.matcher(line);
                while (m.find())
                    paths.add(m.group(1));
                m = PATH.matcher(line);
                while (m.find())
                    paths.add(m.group(1));
                m = CURIE.matcher(line);
                while (m.find())
                    paths.add(switch (m.group(1)) {
                        case "spd" -> "id/" + m.group(2);
                        case "spc" -> "concept/" + m.group(2);
                        default -> "ontology#" + m.group(2);
                    });
                for (String p : paths)
                    if (!PATTERN_WORDS.matcher(p).find())
                        out.putIfAbsent(p, where);
            }
        }
        return out;
    }

    @Test
    void every_iri_and_path_the_readmes_mention_resolves_on_the_server() throws Exception {
        Map<String, String> mentioned = mentions();
        assertTrue(mentioned.size() > 40, "mentions found: " + mentioned);
        String ontology = get("/ontology?format=ntriples", null).body();
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, String> e : mentioned.entrySet()) {
            String p = e.getKey();
            if (p.startsWith("ontology#")) {
                if (!ontology.contains("<" + BASE + p + "> "))
                    broken.add(e.getValue() + ": " + BASE + p + " is not a term of /ontology");
                continue;
            }
            // the version IRI (ontology/0.2.0) and the graph IRIs (graph/curated) resolve at their own paths too
            String path = "/" + (p.contains("#") ? p.substring(0, p.indexOf('#')) : p);
            int status = get(path, null).statusCode();
            if (status != 200)
                broken.add(e.getValue() + ": " + path + " answers " + status);
        }
        assertEquals(List.of(), broken, "IRIs and paths of the docs that do not resolve");
    }

    @Test
    void patterns_are_skipped_and_concrete_mentions_are_found() throws IOException {
        Map<String, String> mentioned = mentions();
        // concrete: the README's own examples
        assertTrue(mentioned.containsKey("id/litvinov"), mentioned.keySet().toString());
        assertTrue(mentioned.containsKey("text/essay/p4/s1"), mentioned.keySet().toString());
        assertTrue(mentioned.containsKey("graph/inferred"), mentioned.keySet().toString());
        // patterns: never fetched
        assertTrue(mentioned.keySet().stream().noneMatch(p -> p.contains("…") || p.contains("NAME") || p.contains("slug")),
                mentioned.keySet().toString());
    }
}
