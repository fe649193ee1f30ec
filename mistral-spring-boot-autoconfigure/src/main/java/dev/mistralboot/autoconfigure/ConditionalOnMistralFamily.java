package dev.mistralboot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.mistralboot.client.core.MistralHttp;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when a client family is enabled, {@code mistral.<family>.enabled} not set or
 * {@code true}, and a {@link MistralHttp} is defined, as {@link ConditionalOnMistralHttp}
 * finds it: what every family's auto-configuration needs. One condition rather than
 * {@code @ConditionalOnBooleanProperty} beside {@code @ConditionalOnMistralHttp}, because
 * each condition of each family is paid at every application's start-up; the outcome is
 * the same, and when the switch turns the family off the conditions report names the
 * property and its value.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnMistralFamilyCondition.class)
public @interface ConditionalOnMistralFamily {

	/**
	 * The family's name in its properties, {@code mistral.<family>.*} ({@code chat},
	 * {@code fine-tuning}, ...).
	 * @return the family's name
	 */
	String value();

}
