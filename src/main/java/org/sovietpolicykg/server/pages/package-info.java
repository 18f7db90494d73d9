/**
 * The pages for people: home, resource pages, the reading view, pictures, the ontology's documentation, the named
 * graphs' pages, the SPARQL editor and the results pages of the canned queries.
 */
package org.sovietpolicykg.server.pages;
