/**
 * What the server publishes as files and descriptions: the dumps, the VoID and DCAT description, the JSON-LD context.
 */
package org.sovietpolicykg.server.publish;
