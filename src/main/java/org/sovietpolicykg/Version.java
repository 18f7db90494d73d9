package org.sovietpolicykg;

/** The program's name and version, in one place (the command line, the API description, the dataset fingerprint). */
public final class Version {
    private Version() {}

    public static final String NAME = "soviet-policy-kg";
    public static final String NUMBER = "0.2.0";
    public static final String FULL = NAME + " " + NUMBER;
}
