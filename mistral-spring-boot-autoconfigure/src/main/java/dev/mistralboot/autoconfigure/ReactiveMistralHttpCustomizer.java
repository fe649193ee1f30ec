package dev.mistralboot.autoconfigure;

import dev.mistralboot.client.core.ReactiveMistralHttp;

/**
 * Customizes the auto-configured {@link ReactiveMistralHttp} before it is built. Beans of
 * this type are applied in order.
 */
@FunctionalInterface
public interface ReactiveMistralHttpCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(ReactiveMistralHttp.Builder builder);

}
