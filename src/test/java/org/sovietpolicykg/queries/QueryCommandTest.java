package org.sovietpolicykg.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sovietpolicykg.cli.Main;

import picocli.CommandLine;

/** {@code query NAME} runs a canned query without a server. */
class QueryCommandTest {

    @Test
    void variant_spellings_as_csv_name_litvoniv_and_rapello() {
        String out = run("query", "variant-spellings", "--format", "csv");
        assertTrue(out.contains("Litvoniv"), out);
        assertTrue(out.contains("Rapello"), out);
    }

    @Test
    void a_year_parameter_changes_the_answer() {
        String y1939 = run("query", "year-at-home-and-abroad", "--param", "year=1939", "--format", "tsv");
        assertTrue(y1939.contains("1939"), y1939);
        assertTrue(!y1939.contains("Great Purge"), "the Great Purge is 1937, not 1939");
    }

    @Test
    void a_bad_parameter_exits_1_with_a_message_naming_it() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(1, cl.execute("query", "year-at-home-and-abroad", "--param", "year=abc"));
        assertEquals("Parameter 'year' of query 'year-at-home-and-abroad' expects xsd:integer, got 'abc'", err.toString().trim());
    }

    static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.commandLine().execute(args));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
