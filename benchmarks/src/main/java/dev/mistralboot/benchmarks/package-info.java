/**
 * JMH benchmarks of our clients beside a hand-written JDK client and the peers, against a
 * stub Mistral server in its own JVM ({@code benchmarks/run.sh}).
 */
package dev.mistralboot.benchmarks;
