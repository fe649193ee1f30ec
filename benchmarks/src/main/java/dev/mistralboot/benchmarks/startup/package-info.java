/**
 * What the starter adds to the start-up of a minimal Boot application, measured in fresh
 * JVMs ({@code benchmarks/run-startup.sh}).
 */
package dev.mistralboot.benchmarks.startup;
