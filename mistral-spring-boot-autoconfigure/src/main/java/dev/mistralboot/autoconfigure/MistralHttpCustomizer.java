package dev.mistralboot.autoconfigure;

import dev.mistralboot.client.core.MistralHttp;

/**
 * Customizes the auto-configured {@link MistralHttp} before it is built (listeners, retry
 * policy, a different JSON mapper, ...). Beans of this type are applied in order.
 */
@FunctionalInterface
public interface MistralHttpCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(MistralHttp.Builder builder);

}
