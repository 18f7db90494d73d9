/**
 * The SPARQL service: Fuseki's query and Graph Store operations with the project's query policy, the query pools, the
 * read transactions and the SPARQL 1.1 Service Description.
 */
package org.sovietpolicykg.server.sparql;
