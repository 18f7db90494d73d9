/**
 * For operators and load balancers: liveness, readiness and the dataset's fingerprint on every answer.
 */
package org.sovietpolicykg.server.ops;
