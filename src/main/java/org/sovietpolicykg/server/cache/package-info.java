/**
 * The one answer cache of an immutable dataset: the SPARQL endpoint's and the canned queries' answers, kept under one
 * key rule, with one strong-ETag rule and one 304 path.
 */
package org.sovietpolicykg.server.cache;
