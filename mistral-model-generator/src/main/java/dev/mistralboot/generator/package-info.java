/**
 * The model generator: writes the model types of {@code mistral-client} from the Mistral
 * OpenAPI description and {@code model-types.yaml}. A build tool, not deployed.
 */
@NullMarked
package dev.mistralboot.generator;

import org.jspecify.annotations.NullMarked;
