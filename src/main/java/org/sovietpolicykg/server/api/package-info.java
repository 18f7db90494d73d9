/**
 * The API for programs: the catalogue of canned queries, running one, its OpenAPI description, and the
 * Reconciliation Service API for OpenRefine.
 */
package org.sovietpolicykg.server.api;
