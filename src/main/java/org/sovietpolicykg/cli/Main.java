package org.sovietpolicykg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code build}, {@code serve} and {@code query}. Errors of input are printed as
 * {@code file:line: message}, all of them, and end with exit code 1.
 */
@Command(name = "soviet-policy-kg", mixinStandardHelpOptions = true, version = org.sovietpolicykg.Version.FULL,
        description = "A knowledge graph of an essay on Stalin's foreign policy, served over SPARQL.",
        subcommands = {BuildCommand.class, ServeCommand.class, QueryCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof org.sovietpolicykg.KgException) {
                cmd.getErr().println(ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl;
    }
}
