/**
 * Where the files live: {@code Storage} and {@code Location} put every driver-side read and write (inputs' headers
 * and listings, the run's files, the lock) on Hadoop's {@code FileSystem} API, so a local disk, HDFS and object stores
 * ({@code s3a://}, {@code gs://}, {@code abfss://}) are one code path; {@code StoreKind} is what differs between them.
 * May use {@code failures}.
 */
package org.mentorshipgraph.storage;
