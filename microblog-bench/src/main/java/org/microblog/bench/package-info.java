/**
 * The tools that measure Microblog, run by {@code ./microblog generate}, {@code bench} and {@code soak} in a JVM
 * of their own (the bench profile of this module's pom), never deployed: the data generator ({@link
 * org.microblog.bench.Generate}, its model {@link org.microblog.bench.SocialGraph}), the service benchmarks
 * ({@link org.microblog.bench.Benchmark}, {@link org.microblog.bench.WhoToFollowBench}) and the soak test
 * against a running server ({@link org.microblog.bench.Soak}). The HTTP load scripts are beside them, in
 * {@code src/main/http}.
 *
 * <p>They may use the services and entities of microblog-ejb and microblog-domain, built through the services'
 * constructors ({@link org.microblog.bench.Services}), EclipseLink in Java SE and the JDBC drivers; nothing in the
 * application uses them.
 */
package org.microblog.bench;
