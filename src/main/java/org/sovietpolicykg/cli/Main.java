package org.sovietpolicykg.cli;

import java.util.ListResourceBundle;

import org.sovietpolicykg.Version;
import org.sovietpolicykg.config.Setting;
import org.sovietpolicykg.config.Settings;
import org.sovietpolicykg.errors.KgException;

import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * The command line: {@code build}, {@code serve}, {@code query}, {@code reconcile}, {@code release}, {@code import} and {@code draft}. Options are parsed once, by picocli, into one
 * {@code KgConfig}; an option's default, when it is a setting of {@link Settings}, is the Java system property of the
 * setting's key if set, else the setting's default, and its description is the setting's. Errors of input are printed
 * as {@code file:line: message}, all of them, and end with exit code 1; a bad option value names the option.
 */
@Command(name = "soviet-policy-kg", mixinStandardHelpOptions = true, version = Version.FULL,
        description = "A knowledge graph of an essay on Stalin's foreign policy, served over SPARQL.",
        subcommands = {BuildCommand.class, ServeCommand.class, QueryCommand.class, ReconcileCommand.class, ReleaseCommand.class, ImportCommand.class, DraftCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setDefaultValueProvider(new SettingDefaults());
        cl.setResourceBundle(new SettingDescriptions());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof KgException) {
                cmd.getErr().println(ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl;
    }

    /** The defaults of options that are settings: the system property of the key, else the setting's default. */
    static final class SettingDefaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec arg) {
            if (!(arg instanceof OptionSpec o))
                return null;
            // an empty default (no service alias) is no default at all
            return Settings.byOption(o.longestName()).map(s -> System.getProperty(s.key(), s.defaultText())).filter(t -> !t.isBlank())
                    .orElse(null);
        }
    }

    /** The descriptions of options that are settings ({@code descriptionKey} = the setting's key). */
    static final class SettingDescriptions extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return Settings.ALL.stream().map(s -> new Object[] {s.key(), describe(s)}).toArray(Object[][]::new);
        }

        private static String describe(Setting<?> s) {
            return s.description() + " (default: ${DEFAULT-VALUE}; or -D" + s.key() + "=...)";
        }
    }
}
