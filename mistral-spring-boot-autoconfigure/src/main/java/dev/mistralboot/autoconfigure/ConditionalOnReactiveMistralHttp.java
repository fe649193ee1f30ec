package dev.mistralboot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.mistralboot.client.core.ReactiveMistralHttp;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when a {@link ReactiveMistralHttp} is defined, the one
 * {@link MistralAutoConfiguration} defines with WebFlux or the application's own: what
 * every family's reactive client needs. Without WebFlux it does not match, found once per
 * class loader rather than once per family, and its class names appear in no annotation,
 * so a configuration that uses it loads without WebFlux on the class path. Otherwise it
 * behaves as {@link ConditionalOnMistralHttp} does.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional({ OnMistralHttpCondition.WebFlux.class, OnMistralHttpCondition.Reactive.class })
public @interface ConditionalOnReactiveMistralHttp {

}
