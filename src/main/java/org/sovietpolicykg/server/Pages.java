package org.sovietpolicykg.server;

import java.io.StringWriter;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

/** The HTML templates of {@code src/main/resources/templates/}, rendered with Mustache (HTML-escaped by default). */
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
