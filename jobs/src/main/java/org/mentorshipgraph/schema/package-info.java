/**
 * The declared tables: Spark schemas of the outputs ({@code ResultTables}: the people and ties tables as written
 * to CSV, Parquet and Neo4j) and the check every step makes of its input's schema ({@code Schemas.require}). Depends
 * on nothing of the project but Spark's types.
 */
package org.mentorshipgraph.schema;
