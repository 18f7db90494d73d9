package org.sovietpolicykg.cli;

import java.nio.file.Path;

import org.sovietpolicykg.ConfigException;
import org.sovietpolicykg.config.Setting;
import org.sovietpolicykg.config.Settings;
import org.sovietpolicykg.vocabulary.BaseIri;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters that check a value with its setting's own checks; picocli names the option in the error. */
final class Converters {
    private Converters() {}

    private static <T> T convert(Setting<T> setting, String value) {
        try {
            return setting.parse(value);
        } catch (ConfigException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    static final class Base implements ITypeConverter<BaseIri> {
        @Override
        public BaseIri convert(String value) {
            return Converters.convert(Settings.BASE_IRI, value);
        }
    }

    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Converters.convert(Settings.PORT, value);
        }
    }

    static final class Timeout implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Converters.convert(Settings.QUERY_TIMEOUT_MS, value);
        }
    }

    static final class Folder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return Converters.convert(Settings.PROJECT_DIR, value);
        }
    }
}
