/**
 * The connectors step: betweenness (across Spark executors), structural holes, communities, participation and
 * the connector score, per person, over the compact graph. May use {@code ties} and below; the algorithms themselves
 * live in the algorithms module.
 */
package org.mentorshipgraph.connectors;
