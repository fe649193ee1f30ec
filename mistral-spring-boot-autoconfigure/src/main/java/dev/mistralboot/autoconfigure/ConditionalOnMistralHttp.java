package dev.mistralboot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.mistralboot.client.core.MistralHttp;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when a {@link MistralHttp} is defined, the one {@link MistralAutoConfiguration}
 * defines or the application's own: what every family's auto-configuration needs. The
 * outcome of {@code @ConditionalOnBean(MistralHttp.class)}, found with a lookup by the
 * core's bean name first and by type only when that name is not there, because a lookup
 * by type for each of the families was a measurable part of what the starter added to an
 * application's start-up.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnMistralHttpCondition.class)
public @interface ConditionalOnMistralHttp {

}
