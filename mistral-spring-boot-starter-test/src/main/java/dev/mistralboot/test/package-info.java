/**
 * Test support for applications using the Mistral starter:
 * {@link dev.mistralboot.test.MockMistral}, a mock Mistral API server whose answers are
 * scripted and whose requests are checked against the official OpenAPI description.
 */
@NullMarked
package dev.mistralboot.test;

import org.jspecify.annotations.NullMarked;
