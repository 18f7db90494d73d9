package org.sovietpolicykg.errors;

/** A setting or argument that is out of range or names something that does not exist. */
public class ConfigException extends KgException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
