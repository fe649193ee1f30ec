/**
 * Document libraries: the sample's documents uploaded to a library and an agent with the
 * document-library tool answering questions about them.
 */
package dev.mistralboot.sample.library;
