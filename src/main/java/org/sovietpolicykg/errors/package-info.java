/**
 * The project's exceptions: one root, {@link org.sovietpolicykg.errors.KgException}, and its kinds, each carrying the
 * HTTP status it answers with, mapped to a response in one place (the server's request pipeline).
 */
package org.sovietpolicykg.errors;
