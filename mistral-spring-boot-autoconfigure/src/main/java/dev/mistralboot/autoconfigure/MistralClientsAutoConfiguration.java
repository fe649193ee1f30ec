package dev.mistralboot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configures the client of every endpoint family: {@code MistralChatClient},
 * {@code MistralEmbeddingsClient} and the eleven others, and with WebFlux their reactive
 * twins ({@code ReactiveMistralChatClient}, ...), on the {@code MistralHttp} (or
 * {@code ReactiveMistralHttp}) that {@link MistralAutoConfiguration} or the application
 * defines.
 * <p>
 * Every client is a lazy bean, created when first injected. A family is left out when its
 * switch is off ({@code mistral.<family>.enabled=false}, for example
 * {@code mistral.chat.enabled=false}), when there is no {@code MistralHttp} bean, and a
 * client is left out when the application defines a bean of its type (as
 * {@code @ConditionalOnMissingBean} would); each of these outcomes is in the conditions
 * report ({@code --debug}, Actuator's {@code /conditions}). Each family's properties
 * ({@code mistral.chat.*}, ...) are bound to its own {@code @ConfigurationProperties}
 * class, and its beans are made in its own package ({@code MistralChatBeans}, ...).
 * <p>
 * One auto-configuration registers them all, through {@link MistralClientsRegistrar},
 * rather than one per family: each auto-configuration class Spring reads at start-up cost
 * about 0.25 MB and 1.5 to 2 ms, so thirteen of them were most of what the starter added
 * to an application's start-up (see {@code docs/benchmarks.md}).
 */
@AutoConfiguration(after = MistralAutoConfiguration.class)
@EnableConfigurationProperties
@Import(MistralClientsRegistrar.class)
@Lazy
public final class MistralClientsAutoConfiguration {

	MistralClientsAutoConfiguration() {
	}

}
