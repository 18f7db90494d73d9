/**
 * The request pipeline, below every other room: limits on requests and answers, CORS, security headers, the public
 * URL, format names, negotiation, conditional requests, errors mapped to statuses, static assets and not-found answers.
 */
package org.sovietpolicykg.server.http;
