package org.sovietpolicykg.html;

import java.io.StringWriter;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

/**
 * Every HTML page of the project, the server's and the ontology documentation alike, is rendered here: the Mustache
 * templates of {@code src/main/resources/templates/} (HTML-escaped by default), each compiled once.
 */
public final class Pages {
    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("templates");

    private Pages() {}

    public static String render(String template, Map<String, Object> scope) {
        Mustache m = FACTORY.compile(template + ".mustache");
        StringWriter w = new StringWriter();
        m.execute(w, scope);
        return w.toString();
    }
}
