/**
 * Spring Boot test integration of {@link dev.mistralboot.test.MockMistral}:
 * {@link dev.mistralboot.test.autoconfigure.AutoConfigureMockMistral}.
 */
@NullMarked
package dev.mistralboot.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
