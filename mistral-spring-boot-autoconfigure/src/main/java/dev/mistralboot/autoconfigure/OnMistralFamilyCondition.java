package dev.mistralboot.autoconfigure;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.Assert;

/**
 * The condition of {@link ConditionalOnMistralFamily}: no match when
 * {@code mistral.<family>.enabled} is set to anything but {@code true} (compared without
 * case, as {@code @ConditionalOnBooleanProperty} compares it), else the outcome of
 * {@link ConditionalOnMistralHttp}. Evaluated once the configurations before it are
 * registered, as that one is; a disabled family's configuration is read and then dropped.
 */
class OnMistralFamilyCondition extends OnMistralHttpCondition {

	OnMistralFamilyCondition() {
		super(ConditionalOnMistralFamily.class);
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, @Nullable Object> attributes = metadata
			.getAnnotationAttributes(ConditionalOnMistralFamily.class.getName());
		Assert.state(attributes != null && attributes.get("value") instanceof String,
				"@ConditionalOnMistralFamily needs the family's name");
		String property = "mistral." + attributes.get("value") + ".enabled";
		String value = context.getEnvironment().getProperty(property);
		if (value != null && !"true".equalsIgnoreCase(value)) {
			return ConditionOutcome.noMatch(ConditionMessage.forCondition(ConditionalOnMistralFamily.class, property)
				.because("the family is disabled (" + property + "=" + value + ")"));
		}
		return super.getMatchOutcome(context, metadata);
	}

}
