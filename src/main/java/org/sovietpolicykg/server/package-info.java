/**
 * The server, assembled: {@link org.sovietpolicykg.server.Servers} is the composition root (a configuration and a
 * dataset in, every route mounted), {@link org.sovietpolicykg.server.KgServer} the Fuseki and Jetty wiring. The rooms
 * below hold what it mounts; nothing in them reaches back up here.
 */
package org.sovietpolicykg.server;
