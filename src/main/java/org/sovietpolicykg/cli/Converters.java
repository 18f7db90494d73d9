package org.sovietpolicykg.cli;

import java.nio.file.Path;
import java.util.Map;

import org.sovietpolicykg.config.Setting;
import org.sovietpolicykg.config.Settings;
import org.sovietpolicykg.errors.ConfigException;
import org.sovietpolicykg.vocabulary.BaseIri;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters that check a value with its setting's own checks; picocli names the option in the error. */
final class Converters {
    private Converters() {}

    /** A converter that checks a value with a setting's own checks. */
    abstract static class Of<T> implements ITypeConverter<T> {
        private final Setting<T> setting;

        Of(Setting<T> setting) {
            this.setting = setting;
        }

        @Override
        public T convert(String value) {
            try {
                return setting.parse(value);
            } catch (ConfigException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Base extends Of<BaseIri> {
        Base() {
            super(Settings.BASE_IRI);
        }
    }

    static final class Port extends Of<Integer> {
        Port() {
            super(Settings.PORT);
        }
    }

    static final class RequestBytes extends Of<Integer> {
        RequestBytes() {
            super(Settings.MAX_REQUEST_BYTES);
        }
    }

    static final class ResultRows extends Of<Integer> {
        ResultRows() {
            super(Settings.MAX_RESULT_ROWS);
        }
    }

    static final class ResultMb extends Of<Integer> {
        ResultMb() {
            super(Settings.MAX_RESULT_MB);
        }
    }

    static final class Workers extends Of<Integer> {
        Workers() {
            super(Settings.QUERY_WORKERS);
        }
    }

    static final class Queue extends Of<Integer> {
        Queue() {
            super(Settings.QUERY_QUEUE);
        }
    }

    static final class QueryReads extends Of<Integer> {
        QueryReads() {
            super(Settings.MAX_QUERY_READS);
        }
    }

    static final class AnswerCache extends Of<Integer> {
        AnswerCache() {
            super(Settings.ANSWER_CACHE_MB);
        }
    }

    static final class Timeout extends Of<Integer> {
        Timeout() {
            super(Settings.QUERY_TIMEOUT_MS);
        }
    }

    static final class PublicUrl extends Of<String> {
        PublicUrl() {
            super(Settings.PUBLIC_URL);
        }
    }

    /** One address or block of {@code --trusted-proxy}. */
    static final class TrustedProxy implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Settings.checkProxy(value);
            } catch (ConfigException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** One endpoint of {@code --allow-service}. */
    static final class AllowedService implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Settings.checkServiceIri("--allow-service", value);
            } catch (ConfigException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** One {@code FROM=TO} of {@code --service-alias}. */
    static final class ServiceAlias implements ITypeConverter<Map.Entry<String, String>> {
        @Override
        public Map.Entry<String, String> convert(String value) {
            try {
                Map<String, String> one = Settings.parseAliases(value);
                if (one.size() != 1)
                    throw new ConfigException("Illegal --service-alias " + value + ": expected FROM=TO, two endpoint IRIs");
                return one.entrySet().iterator().next();
            } catch (ConfigException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code serve --store}: {@code memory}, or {@code tdb2:DIR} (the folder). */
    static final class Store implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.equals("memory"))
                return null;
            if (value.startsWith("tdb2:") && value.length() > 5)
                return Path.of(value.substring(5));
            throw new TypeConversionException("Illegal store=" + value + ": expected memory, or tdb2:DIR (a store written by build --tdb2 DIR)");
        }
    }

    static final class Folder extends Of<Path> {
        Folder() {
            super(Settings.PROJECT_DIR);
        }
    }
}
